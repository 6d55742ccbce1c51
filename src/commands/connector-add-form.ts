// `eolwatch --workspace W connector add intune|jamf --name N --channel C --client-id ID
// (--client-secret-env VAR | --client-secret-file FILE) [--tenant T | --url URL] [--where RULE]...`:
// the command line's typed request. The secret comes from the named variable or file, never from the
// command line, where it would land in the shell's history and the process list.
import { parseArgs } from 'node:util';
import type { CommandLineContext, CommandLineForm } from './command-definition.js';
import type { Request } from './command-types.js';

export const connectorAddForms: CommandLineForm[] = [
  {
    usage:
      '--workspace W connector add intune --name N --channel C --tenant T --client-id ID --client-secret-env VAR [--where RULE]...',
    words: ['connector', 'add'],
    read: async (rest, context) => {
      const read = await readConnectorAdd(rest, context);
      return 'problem' in read ? { usage: read.problem } : read;
    },
  },
  { usage: '--workspace W connector add jamf --name N --channel C --url URL --client-id ID --client-secret-file FILE' },
];

async function readConnectorAdd(
  args: string[],
  { secretFromEnv, readFile }: CommandLineContext,
): Promise<Extract<Request, { kind: 'connector-add' }> | { problem: string }> {
  const [kind, ...rest] = args;
  if (kind !== 'intune' && kind !== 'jamf') return { problem: 'connector add takes intune or jamf first' };
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      allowPositionals: false,
      options: {
        name: { type: 'string' },
        channel: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret-env': { type: 'string' },
        'client-secret-file': { type: 'string' },
        tenant: { type: 'string' },
        url: { type: 'string' },
        where: { type: 'string', multiple: true },
        'client-secret': { type: 'string' },
      },
    }));
  } catch (error) {
    return { problem: (error as Error).message };
  }
  if (values['client-secret'] !== undefined)
    return {
      problem:
        'give the secret with --client-secret-env VAR or --client-secret-file FILE, not on the command line (the shell history and the process list would keep it)',
    };
  for (const option of ['name', 'channel', 'client-id'] as const)
    if (!values[option]) return { problem: `connector add needs --${option}` };
  let secret: string | undefined;
  if (values['client-secret-env']) {
    secret = secretFromEnv(values['client-secret-env']);
    if (secret === undefined) return { problem: `the variable ${values['client-secret-env']} is not set` };
  } else if (values['client-secret-file']) {
    const file = await readFile(values['client-secret-file']);
    if ('reason' in file) return { problem: `cannot read ${values['client-secret-file']}: ${file.reason}` };
    secret = new TextDecoder().decode(file.bytes).trim();
  } else return { problem: 'connector add needs --client-secret-env VAR or --client-secret-file FILE' };
  return {
    kind: 'connector-add',
    settings: {
      name: values.name as string,
      kind,
      channel: values.channel as string,
      clientId: values['client-id'] as string,
      ...(values.tenant ? { tenant: values.tenant } : {}),
      ...(values.url ? { url: values.url } : {}),
      where: values.where ?? [],
    },
    secret,
  };
}
