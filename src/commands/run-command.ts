// A request -> its result: the one pipeline every entry point (Slack, the API, the command line, the
// shell) hands its typed request to. Which command runs it, the lock rule, the audit log, the stale-data
// warning and the words for a store that could not save all live here, the same for every entry point.
import { CountLimitError, MAX_COUNT, StoreBusyError, StoreWriteError } from '../inventory/inventory-store.js';
import { formatCount } from '../leaf/format-count.js';
import { isAdmin, lockRefusal } from './is-admin.js';
import { recordAudit, type AuditChange } from './record-audit.js';
import { commandList } from './command-list.js';
import type { AdminRules, RequestHandlers } from './command-definition.js';
import {
  entryOf,
  type AlreadyRead,
  type CommandDeps,
  type Request,
  type Result,
  type Speaker,
} from './command-types.js';
import { parseCommand } from './parse-command.js';
import { staleWarning } from './status-command.js';

type Handler = (request: Request, deps: CommandDeps, speaker: Speaker, read?: AlreadyRead) => Promise<Result> | Result;

/** Each request kind's handler, from the command that declares it; `help` lists the commands themselves. */
const handlers: RequestHandlers = Object.assign({}, ...commandList.map((definition) => definition.run ?? {}), {
  help: () => ({ kind: 'help', entries: commandList.map(({ usage, summary }) => ({ usage, summary })) }),
  invalid: (request) => request,
} satisfies RequestHandlers) as RequestHandlers;

/** Changes to a channel's counts and watches, which a lock keeps to admins. */
const lockable: ReadonlySet<Request['kind']> = new Set(commandList.flatMap((definition) => definition.lockable ?? []));

/** The audit entry a request's result calls for, from the command that ran it. */
const auditOf = new Map<string, (result: Result) => AuditChange | null>(
  commandList.flatMap((definition) => {
    const { audit } = definition;
    return audit ? Object.keys(definition.run ?? {}).map((kind) => [kind, audit] as const) : [];
  }),
);

/** Who alone may make a request, and what anyone else is told. */
const adminRules = Object.assign({}, ...commandList.map((definition) => definition.adminOnly ?? {})) as AdminRules;

function adminOnlyWords(request: Request, speaker: Speaker): string | null {
  const rule = adminRules[request.kind] as string | ((request: Request, speaker: Speaker) => string | null) | undefined;
  return typeof rule === 'function' ? rule(request, speaker) : (rule ?? null);
}

/** Every request kind with its handler: a test holds the registry to this. */
export const handledKinds = (): string[] => Object.keys(handlers);

async function dispatch(request: Request, deps: CommandDeps, speaker: Speaker, read?: AlreadyRead): Promise<Result> {
  if (lockable.has(request.kind)) {
    const refusal = await lockRefusal(deps, speaker);
    if (refusal) return { kind: 'invalid', reason: refusal };
  }
  const adminOnly = adminOnlyWords(request, speaker);
  if (adminOnly !== null && !(await isAdmin(deps, speaker))) return { kind: 'invalid', reason: adminOnly };
  const handler = handlers[request.kind] as Handler | undefined;
  if (!handler) throw new Error(`no command runs a ${request.kind} request`);
  return handler(request, deps, speaker, read);
}

/** `read`: what the caller already read for this request (command-types.ts), used instead of reading again. */
export async function runCommand(
  request: Request,
  deps: CommandDeps,
  speaker: Speaker,
  read?: AlreadyRead,
): Promise<Result> {
  if (!deps.observe) return answer(request, deps, speaker, read);
  const started = performance.now();
  const result = await answer(request, deps, speaker, read);
  deps.observe({
    kind: result.kind,
    entry: entryOf(speaker),
    seconds: (performance.now() - started) / 1000,
    ...(request.kind === 'inventory-file' ? { import: importOutcome(result) } : {}),
  });
  return result;
}

const importOutcome = (result: Result) =>
  result.kind === 'import-preview' ? 'previewed' : result.kind === 'inventory-updated' ? 'saved' : 'refused';

async function answer(request: Request, deps: CommandDeps, speaker: Speaker, read?: AlreadyRead): Promise<Result> {
  try {
    const result = await dispatch(request, deps, speaker, read);
    const change = auditOf.get(request.kind)?.(result) ?? null;
    const warning = (change ? await recordAudit(deps, speaker, change) : null) ?? staleWarning(deps);
    return warning ? { ...result, warning } : result;
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return refusal;
    throw error;
  }
}

/** Text as typed after /eol, in a mention or in the shell -> its result. */
export function runText(text: string, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  return runCommand(parseCommand(text), deps, speaker);
}

/** The one place a store's refusal becomes words, whichever entry point asked; `cause` lets HTTP say 503. */
function refusalOf(error: unknown): Extract<Result, { kind: 'invalid' }> | null {
  if (error instanceof StoreBusyError)
    return {
      kind: 'invalid',
      reason: 'Nothing saved: the inventory is busy with another update. Please try again in a moment.',
      cause: 'busy',
    };
  if (error instanceof CountLimitError)
    return {
      kind: 'invalid',
      reason: `Nothing saved: adding those would take a count past ${formatCount(MAX_COUNT)}.`,
      cause: 'limit',
    };
  if (error instanceof StoreWriteError)
    return {
      kind: 'invalid',
      reason: 'Nothing saved: the store could not be written (is the disk full?). Please tell whoever runs eolwatch.',
      cause: 'unwritable',
    };
  return null;
}
