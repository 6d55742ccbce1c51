// Requests and results of /eol: plain data shared by every front end (Slack, shell, CLI).
import type { Product, Release } from '../catalog/catalog.js';
import type { Resolver } from '../catalog/resolve-name.js';
import type { ImportPlanning } from '../imports/plan-import.js';
import type { ReleaseForecast } from '../forecasts/release-forecasts.js';
import type { ConnectorSettings, DeviceReader, SyncSummary } from '../connectors/connector.js';
import type { ShownConnector } from '../connectors/connector-records.js';
import type { CatalogInfo } from '../catalog/catalog-info.js';
import type { AuditEntry, AuditVia } from '../audit/audit-log.js';
import type { EolwatchStore } from '../eolwatch-store.js';
import type { Contract } from '../contracts/apply-contract.js';
import type { ExposureTotals } from '../inventory/classify-exposure.js';
import type { ExtendedSupportCost } from '../catalog/names/extended-support.js';
import type { CountAction } from '../inventory/inventory-store.js';
import type { NextReminder } from '../reminders/next-reminder.js';
import type { ChannelWatches } from '../reminders/watch-store.js';
import type { Lifecycle, PhaseState } from '../lifecycle/compute-lifecycle.js';
import type { DateTime } from 'luxon';
import type { Chart } from '../charts/chart.js';
import type { Period } from './read-when.js';

/** Who is asking, and where: every stored fact is keyed by these. */
export interface Speaker {
  workspace: string;
  channel: string;
  user: string;
  /** Through what the request came, for the audit log; Slack unless said. */
  via?: AuditVia;
  /** Which of Slack's ways in (`/eol`, a mention, a DM): for the metrics' entry point. */
  entry?: 'slash' | 'mention' | 'dm';
}

/**
 * What the caller already read for a request, for its own use (an answer cache's key): the answer is then
 * made from the very same day and contracts, never from a second read that another process changed between.
 */
export interface AlreadyRead {
  today: string;
  contracts: Readonly<Record<string, Contract>>;
}

/** One answer given, for the metrics (metrics/metrics.ts). */
export interface AnswerObservation {
  kind: string;
  /** slash, mention, dm, api, cli, shell, scheduler, or slack (buttons and forms). */
  entry: string;
  seconds: number;
  /** An import's outcome. */
  import?: 'previewed' | 'saved' | 'refused';
}

/** Why nothing was saved, when the store refused rather than the input: each entry point says it its way (HTTP: 503). */
type RefusalCause = 'busy' | 'unwritable' | 'limit';

export type ImportMode = 'preview' | 'replace' | 'add';

/** A team's count of one release as an export and the HTTP API give it. */
export interface ExportedCount {
  team: string;
  team_name: string | null;
  product: string;
  release: string;
  label: string;
  count: number;
  status: string;
  /** ISO dates, or null: no such phase, or an end with no date (then its note says which). */
  active_support_end: string | null;
  security_support_end: string | null;
  extended_support_end: string | null;
  /** Who pays for the extended phase (catalog/names/extended-support.ts); null where nobody has said. */
  extended_support_cost: ExtendedSupportCost | null;
  contract_end: string | null;
  /** Each phase whose end has no date: "not announced" (the vendor has set none) or "ended" (date unknown). */
  end_notes: Partial<Record<'active_support_end' | 'security_support_end' | 'extended_support_end', EndNote>>;
}

export type EndNote = 'not announced' | 'ended';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export const entryOf = (speaker: Speaker): string => speaker.entry ?? speaker.via ?? 'slack';

interface StatusFacts {
  storePath: string;
  storeBytes: number | null;
  nextReminderRun: string | null;
}

export interface CommandDeps {
  resolve: Resolver;
  /** Finds a release by its `product/release` key, as the inventory stores it. */
  releaseByKey: (key: string) => Release | undefined;
  /** The catalogue's own date (ISO date), named in every answer. */
  dataDate: () => string;
  now: () => DateTime;
  /** Opened on first use (a CLI run that needs no store never opens it); lookups read contracts from it. */
  store: () => Promise<EolwatchStore>;
  /**
   * True when `store` is one that does not exist yet (no file, never opened): a read then finds nothing
   * and need not open it, so a first question on the command line creates no file and loads no store.
   * Asked with the `store` in hand, so deps that swap in another store never take the shortcut.
   */
  storeIsAbsent?: (store: CommandDeps['store']) => boolean;
  /** Slack user ids that may clear a team's inventory. */
  admins: ReadonlySet<string>;
  catalogInfo: () => CatalogInfo;
  /** Changes each time a new catalogue is swapped in; cheap (no status file read), for every answer. */
  catalogGeneration?: () => number;
  /** Facts about this running eolwatch that only its adapters know. */
  status: () => Promise<StatusFacts>;
  /** Plans an import off the event loop (the bot's worker threads); without it, planned in place. */
  planImport?: (bytes: Uint8Array) => Promise<ImportPlanning>;
  /** Connectors: the key their secrets are sealed with (EOLWATCH_SECRET_KEY, base64), when set. */
  secretKey?: string | null;
  /** Connectors: reads a device manager's devices (device-managers/); without it, connectors cannot sync. */
  readDevices?: DeviceReader;
  /** Told of every answer given (the metrics); nothing when unset. */
  observe?: (answer: AnswerObservation) => void;
  /** Where Slack and people reach this eolwatch (EOLWATCH_PUBLIC_URL): the start of a calendar's address. */
  publicUrl?: string | null;
  /** Draws a chart's picture off the event loop (the bot's worker threads); without it, in place. */
  drawChart?: (spec: object, format: 'png' | 'svg') => Promise<Buffer>;
}

export type Request =
  /** `period`: the month, quarter or year asked about ("in 2027"); `asOf` is then its last day. */
  | {
      kind: 'lookup';
      queries: string[];
      asOf: string | null;
      period: Period | null;
      share: boolean;
      text: string;
      /** "next year": read with the clock. */ relative?: string;
    }
  | { kind: 'help' }
  | { kind: 'inventory-set'; text: string }
  /** Counts already resolved to releases (the Home tab's form): set like `inventory set`. */
  | { kind: 'inventory-set-counts'; counts: { release: string; count: number }[] }
  | { kind: 'inventory-show' }
  | { kind: 'inventory-history'; release: string | null }
  | { kind: 'forecast'; scope: 'team' | 'workspace'; release: string | null }
  | { kind: 'calendar'; scope: 'team' | 'workspace'; reset: boolean }
  /** The feed itself, as a file (the command line's `calendar`). */
  | { kind: 'calendar-feed'; scope: 'team' | 'workspace' }
  | { kind: 'connectors' }
  /** Typed by the command line (the secret from a variable or file) or a Slack form, never parsed from text. */
  | { kind: 'connector-add'; settings: ConnectorSettings; secret: string }
  | { kind: 'connector-sync'; name: string | null; dryRun: boolean }
  | { kind: 'connector-remove'; name: string }
  | { kind: 'connector-form'; connectorKind: 'intune' | 'jamf' }
  | { kind: 'inventory-clear' }
  | { kind: 'inventory-import' }
  /** A device export that arrived as bytes (a Slack file, the command line, the HTTP API): never typed. */
  | { kind: 'inventory-file'; file: ImportFile; mode: ImportMode }
  /** `out`: where the command line writes the picture (`--out FILE.png|svg`). */
  | { kind: 'chart'; scope: ChartScope; text: string; out: string | null }
  | { kind: 'export'; scope: 'team' | 'workspace'; format: 'csv' | 'json' }
  | { kind: 'team-name'; name: string }
  | { kind: 'report' }
  | { kind: 'watch'; text: string }
  /** From a form: releases already chosen by key, lead times already read. */
  | { kind: 'watch'; keys: string[]; leads: number[] }
  | { kind: 'watch-auto'; on: boolean }
  | { kind: 'unwatch'; text: string }
  | { kind: 'watches' }
  /** A reminder's buttons: the milestone `workspace|channel|release|phase`, marked or unmarked. */
  | { kind: 'milestone-mark'; milestone: string; mark: 'handled' | 'unhandled' | { snoozeDays: number } }
  | { kind: 'status' }
  /** `until`: the last covered day, or a time counted from today ("end of next year"), read with the clock. */
  | { kind: 'contract-set'; release: string; until: string | { relative: string }; name: string }
  | { kind: 'contract-set'; key: string; until: string; name: string }
  | { kind: 'contract-remove'; release: string }
  | { kind: 'contracts' }
  | { kind: 'admins' }
  | { kind: 'admins-change'; user: string; admin: boolean }
  | {
      kind: 'audit';
      channel: string | null;
      release: string | null;
      since: string | null;
      format: 'csv' | 'json' | null;
    }
  | { kind: 'forget'; channel: string | null; confirmed: boolean }
  | { kind: 'export-all' }
  /** A workspace's `export all` file, to bring into this one (the command line's `import all FILE`). */
  | { kind: 'import-all'; file: ImportFile }
  /** A team's counts sent as JSON by a CMDB or a script (the HTTP API's PUT), as sent: read by the command. */
  | { kind: 'inventory-sync'; body: unknown }
  /** The counts as data for a script (the HTTP API's GET): the speaker's team, or the workspace. */
  | { kind: 'counts-data'; scope: 'team' | 'workspace' }
  | { kind: 'channel-lock'; locked: boolean }
  | { kind: 'api-tokens' }
  | { kind: 'api-token-create'; name: string | null }
  | { kind: 'api-token-revoke'; name: string }
  /** `namesNothing`: the words name no product at all (a mention or DM answers those with a hint). */
  | { kind: 'invalid'; reason: string; choices?: Choice[]; cause?: RefusalCause; namesNothing?: true };

export interface ReleaseRow {
  release: Release;
  lifecycle: Lifecycle;
}

export type LookupItem =
  /** `supportedUntil`: asked about a period, the release was supported at its start and only until this day. */
  | ({
      kind: 'release';
      query: string;
      correctedFrom?: string;
      note?: string;
      /** Words of the question that were not read (resolve-name.ts). */
      unread?: string;
      supportedUntil?: string;
    } & ReleaseRow)
  | {
      kind: 'releases';
      query: string;
      product: Product;
      rows: ReleaseRow[];
      omitted: number;
      correctedFrom?: string;
      unread?: string;
    }
  | { kind: 'ambiguous'; query: string; products: { name: string; label: string }[]; candidates: string[] }
  | {
      kind: 'not-found';
      query: string;
      suggestions: string[];
      product?: { name: string; label: string; release: string };
      /** A system the words name that endoflife.date does not track (synonyms.ts: absentProducts). */
      untracked?: true;
    };

/** A team as people know it: its name, or its channel until it has one. */
/** A team's counts over time, the workspace's, or a timeline of releases. */
export type ChartScope = 'team' | 'workspace' | 'releases';

export interface TeamLabel {
  channel: string;
  name: string | null;
}

export interface InventoryRow extends ReleaseRow {
  count: number;
}

export interface AppliedChange {
  release: Release;
  from: number;
  to: number;
}

interface ImportSummary {
  file: string;
  mode: 'replace' | 'add';
  format: string;
  devices: number;
  unrecognisedRows: number;
  guessedRows: number;
  /** The values left out, most machines first (the first 100). */
  unrecognised?: { value: string; rows: number }[];
}

export interface UpgradeWarning {
  release: Release;
  ending: PhaseState;
}

interface HistoryLine {
  at: string;
  user: string;
  releaseLabel: string;
  from: number;
  to: number;
  action: CountAction;
  file?: string;
}

interface HelpEntry {
  usage: string;
  summary: string;
}

/** Any result may carry one warning line, e.g. that the catalogue is old. */
export type Result = ResultBody & { warning?: string };

type ResultBody =
  | { kind: 'status'; asOf: string; catalog: CatalogInfo; dataAgeDays: number; facts: StatusFacts }
  /** `asOfToday`: false for "on DATE" questions, whose "latest version" is still today's fact. */
  | {
      kind: 'lookup';
      asOf: string;
      asOfToday: boolean;
      period?: Period;
      dataDate: string;
      items: LookupItem[];
      share: boolean;
      text: string;
    }
  | { kind: 'help'; entries: HelpEntry[] }
  | {
      kind: 'inventory-updated';
      asOf: string;
      team: TeamLabel;
      changes: AppliedChange[];
      warnings: UpgradeWarning[];
      rows: InventoryRow[];
      totals: ExposureTotals;
      imported?: ImportSummary;
    }
  /** `fileRef`: how the front end finds the file again when a button applies it (a Slack file id). */
  | {
      kind: 'import-preview';
      asOf: string;
      team: TeamLabel;
      file: string;
      format: string;
      devices: number;
      rows: InventoryRow[];
      totals: ExposureTotals;
      guessed: { value: string; release: Release; rows: number }[];
      unrecognised: { value: string; rows: number }[];
      fileRef: string | null;
    }
  | {
      kind: 'inventory';
      asOf: string;
      team: TeamLabel;
      rows: InventoryRow[];
      totals: ExposureTotals;
      /** "At this pace" for each counted release that has enough history. */
      forecasts?: ReleaseForecast[];
    }
  /** `team` null: the workspace's. `only`: the one release asked about (its key), if any. */
  | { kind: 'forecast'; asOf: string; team: TeamLabel | null; forecasts: ReleaseForecast[]; only: string | null }
  | { kind: 'connectors'; connectors: ShownConnector[] }
  /** An admin asked to connect a device manager: Slack opens the form. */
  | { kind: 'connector-form'; connectorKind: 'intune' | 'jamf'; workspace: string }
  /** The form for a file to import (Slack); elsewhere, where to import one instead. */
  | { kind: 'import-form' }
  | { kind: 'connector-added'; connector: ShownConnector }
  | { kind: 'connector-removed'; name: string; channel: string }
  | {
      kind: 'connector-synced';
      dryRun: boolean;
      syncs: {
        connector: ShownConnector;
        summary: SyncSummary;
        counts: { release: Release; count: number }[];
        changes: AppliedChange[];
      }[];
    }
  /** `url` only when one was just made (it is never shown again); `made`: who made the one in use, when. */
  | {
      kind: 'calendar';
      scope: 'team' | 'workspace';
      url: string | null;
      made: { by: string; at: string } | null;
      reset?: boolean;
    }
  | {
      kind: 'inventory-history';
      team: TeamLabel;
      lines: HistoryLine[];
      omitted: number;
      burndown: { releaseLabel: string; counts: number[] }[];
    }
  | { kind: 'inventory-cleared'; team: TeamLabel; changes: AppliedChange[] }
  | { kind: 'chart'; chart: Chart }
  | { kind: 'team-named'; team: TeamLabel }
  | {
      kind: 'report';
      asOf: string;
      rows: InventoryRow[];
      totals: ExposureTotals;
      teams: { team: TeamLabel; unsupported: number; total: number }[];
      forecasts?: ReleaseForecast[];
    }
  | { kind: 'watched'; releases: Release[]; leads: number[] }
  | { kind: 'watch-auto'; on: boolean }
  | { kind: 'unwatched'; releases: Release[]; notWatched: string[] }
  /** `changed: false`: it was so already (an undo of what was not handled). */
  | {
      kind: 'milestone-marked';
      milestone: string;
      release: string;
      mark: 'handled' | 'unhandled' | 'snoozed';
      by: string;
      on: string;
      until: string | null;
      changed: boolean;
    }
  | { kind: 'watches'; asOf: string; broken: ChannelWatches['broken']; autoWatch: boolean; rows: WatchRow[] }
  | {
      kind: 'contracts';
      contracts: { release: Release; contract: Contract }[];
      changed: 'set' | 'removed' | null;
      removed?: Release;
    }
  /** A file to hand over: uploaded in Slack, printed by the CLI. */
  | {
      kind: 'export';
      scope: 'team' | 'workspace' | 'audit' | 'all' | 'calendar';
      format: 'csv' | 'json' | 'ics';
      fileName: string;
      content: string;
      rows: number;
      /** Machines counted in the file (not in an audit log's or a calendar's). */
      machines?: number;
    }
  | { kind: 'imported-all'; teams: number; history: number }
  | {
      kind: 'counts-data';
      scope: 'team' | 'workspace';
      asOf: string;
      teams: TeamLabel[];
      counts: ExportedCount[];
      totals: ExposureTotals;
      forecasts: ReleaseForecast[];
    }
  /** What an erasure takes (`confirmed: false`), or took. */
  | {
      kind: 'forget';
      confirmed: boolean;
      target: 'workspace' | { channel: string };
      teams: number;
      machines: number;
      history: number;
      watches: number;
    }
  /** Private to the asker: the latest changes in their channel, or (admins) the workspace. */
  | { kind: 'audit'; scope: 'workspace' | { channel: string }; entries: AuditEntry[]; omitted: number }
  /** Shown once, only to the admin who made it. */
  | { kind: 'api-token-created'; name: string; token: string; workspace: string }
  | { kind: 'api-tokens'; tokens: { name: string; createdBy: string; createdAt: string; lastUsedAt: string | null }[] }
  | { kind: 'api-token-revoked'; name: string }
  | {
      kind: 'admins';
      admins: { user: string; source: 'configured' | 'added' }[];
      changed: { user: string; admin: boolean } | null;
    }
  | { kind: 'channel-lock'; locked: boolean }
  /** `choices`: commands the asker probably meant, offered as buttons in Slack and listed in text. */
  /** `problems`: each name or field refused and why (a script's request: the HTTP API says them all). */
  | {
      kind: 'invalid';
      reason: string;
      choices?: Choice[];
      cause?: RefusalCause;
      problems?: { name: string; reason: string }[];
    };

/** A command to run instead of one that could not be answered as typed. */
export interface Choice {
  label: string;
  /** The text after /eol that runs it. */
  command: string;
}

export interface WatchRow {
  release: Release;
  source: 'manual' | 'auto';
  leads: number[];
  next: NextReminder | null;
  /** `milestone`: its key, for an Undo button. */
  handled: { milestone: string; phaseLabel: string; by: string; at: string }[];
}

/** Answers everyone in the channel should see (teams post updates for each other); lookups stay private. */
export function isForChannel(result: Result): boolean {
  return (
    [
      'inventory-updated',
      'inventory',
      'inventory-history',
      'forecast',
      'inventory-cleared',
      'team-named',
      'report',
      'watched',
      'watch-auto',
      'unwatched',
      'contracts',
      'channel-lock',
    ].includes(result.kind) ||
    (result.kind === 'lookup' && result.share)
  );
}

/** Whether the asker got an answer, as opposed to "not found" or a bad request (CLI exit status). */
export function isAnswered(result: Result): boolean {
  if (result.kind === 'invalid') return false;
  if (result.kind === 'connector-synced') return result.syncs.every((sync) => sync.summary.ok);
  if (result.kind === 'lookup')
    return result.items.every((item) => item.kind === 'release' || item.kind === 'releases');
  return true;
}
