// The default subcommand: support status of one or more releases, or a product's releases.
import type { Release } from '../catalog/catalog.js';
import type { Resolution } from '../catalog/resolve-name.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import { computeLifecycle, type Lifecycle, type Status } from '../lifecycle/compute-lifecycle.js';
import { droppedTime } from './dropped-time.js';
import { readRelativeWhen, type Period } from './read-when.js';
import type { CommandDefinition } from './command-definition.js';
import type { AlreadyRead, CommandDeps, LookupItem, ReleaseRow, Request, Result, Speaker } from './command-types.js';
import { contractsOf, withContracts, type WithContract } from './team-contracts.js';
import { parseLookup } from './parse-lookup.js';
import { resolveQueries } from './resolve-queries.js';

/** A product listing shows this many releases; the rest are counted. */
const MAX_LISTED_RELEASES = 15;

export const lookupCommand: CommandDefinition = {
  name: '',
  usage: '/eol <release>[, <release> ...] [on <date> | in <month, quarter or year>]',
  summary:
    'Support status of releases (`windows 8.1`, `xp`, `ubuntu jammy`), or of all releases of a product (`windows`), as of today, a day (`on 2017-06-28`, `on 28 June 2017`, `as of 28/06/2017`) or through a period (`in June 2017`, `in Q3 2027`, `in 2027`, `by end of 2027`).',
  parse: (args) => parseLookup(args, false),
  run: { lookup: runLookup },
};

function rowsFor(
  releases: Release[],
  asOf: string,
  withContract: WithContract,
): { rows: ReleaseRow[]; omitted: number } {
  // A listing "on DATE" shows what mattered then: releases that did not exist yet are left out.
  const released = releases.filter((release) => release.releaseDate <= asOf);
  const rows = released.map(withContract).map((release) => ({ release, lifecycle: computeLifecycle(release, asOf) }));
  // Releases still supported first, each group in the catalogue's (newest first) order.
  const supported = rows.filter((row) => row.lifecycle.status !== 'unsupported');
  const unsupported = rows.filter((row) => row.lifecycle.status === 'unsupported');
  const ordered = [...supported, ...unsupported];
  return { rows: ordered.slice(0, MAX_LISTED_RELEASES), omitted: Math.max(0, ordered.length - MAX_LISTED_RELEASES) };
}

const SUPPORTED: ReadonlySet<Status> = new Set(['active', 'security', 'extended', 'contract']);

/** Supported when the period began and not at its end: the last supported day within it. */
function supportedUntil(release: Release, period: Period | null, atEnd: Lifecycle): string | undefined {
  if (!period || atEnd.status !== 'unsupported' || !atEnd.unsupportedSince) return undefined;
  return SUPPORTED.has(computeLifecycle(release, period.from).status) ? atEnd.unsupportedSince : undefined;
}

function itemFor(resolution: Resolution, asOf: string, period: Period | null, withContract: WithContract): LookupItem {
  switch (resolution.kind) {
    case 'release': {
      const release = withContract(resolution.release);
      const lifecycle = computeLifecycle(release, asOf);
      const until = supportedUntil(release, period, lifecycle);
      return {
        kind: 'release',
        query: resolution.query,
        correctedFrom: resolution.correctedFrom,
        note: resolution.note,
        ...(resolution.unread ? { unread: resolution.unread } : {}),
        release,
        lifecycle,
        ...(until ? { supportedUntil: until } : {}),
      };
    }
    case 'releases':
      return {
        kind: 'releases',
        query: resolution.query,
        product: resolution.product,
        correctedFrom: resolution.correctedFrom,
        ...(resolution.unread ? { unread: resolution.unread } : {}),
        ...rowsFor(resolution.releases, asOf, withContract),
      };
    case 'ambiguous':
      return {
        kind: 'ambiguous',
        query: resolution.query,
        products: resolution.products.map(({ name, label }) => ({ name, label })),
        candidates: resolution.candidates,
      };
    case 'not-found':
      return resolution;
  }
}

async function runLookup(
  request: Extract<Request, { kind: 'lookup' }>,
  deps: CommandDeps,
  speaker: Speaker,
  read?: AlreadyRead,
): Promise<Result> {
  const today = read?.today ?? toIsoDate(deps.now());
  const relative = request.relative ? readRelativeWhen(request.relative, today) : null;
  const period =
    relative?.kind === 'period' ? { from: relative.from, to: relative.to, label: relative.label } : request.period;
  const asOf = relative ? (relative.kind === 'day' ? relative.date : relative.to) : (request.asOf ?? today);
  const resolutions = resolveQueries(request.queries, deps.resolve);
  const timeNamed = relative !== null || request.asOf !== null;
  const dropped = timeNamed
    ? null
    : droppedTime(request.text, request.queries, resolutions, {
        resolve: deps.resolve,
        today,
        prefix: request.share ? 'share ' : '',
      });
  if (dropped) return { kind: 'invalid', ...dropped };
  const withContract = read ? withContracts(read.contracts) : await contractsOf(deps, speaker);
  return {
    kind: 'lookup',
    asOf,
    asOfToday: asOf === today,
    dataDate: deps.dataDate(),
    ...(period ? { period } : {}),
    items: resolutions.map((resolution) => itemFor(resolution, asOf, period, withContract)),
    share: request.share,
    text: request.text,
  };
}
