// What a release picker offers for the text typed so far: the resolver's answer, as `/eol` would read
// it ("win 8.1" -> Windows 8.1, "ubuntu" -> its releases, a typo -> the closest names' releases).
import type { Release } from '../catalog/catalog.js';
import { releaseTitle } from '../catalog/release-title.js';
import type { CommandDeps } from './command-types.js';
import { releaseKeyOf } from './inventory-rows.js';

/** Slack shows at most 100 options in one answer. */
const MAX_RELEASE_OPTIONS = 100;
/** Typed text past this is not a release name; no answer is looked for. */
const MAX_QUERY = 100;

export interface ReleaseOption {
  title: string;
  key: string;
}

export function releaseOptions(query: string, deps: Pick<CommandDeps, 'resolve'>): ReleaseOption[] {
  const text = query.trim();
  if (text === '' || text.length > MAX_QUERY) return [];
  const found: Release[] = [];
  const resolution = deps.resolve(text);
  switch (resolution.kind) {
    case 'release':
      found.push(resolution.release);
      break;
    case 'releases':
      found.push(...resolution.releases);
      break;
    case 'ambiguous':
      for (const product of resolution.products) found.push(...product.releases);
      break;
    case 'not-found':
      // The closest names, each read as if typed: a typo still finds something to pick.
      for (const suggestion of resolution.suggestions) {
        const near = deps.resolve(suggestion);
        if (near.kind === 'release') found.push(near.release);
        else if (near.kind === 'releases') found.push(...near.releases);
      }
      break;
  }
  const options = new Map<string, ReleaseOption>();
  for (const release of found) {
    if (options.size >= MAX_RELEASE_OPTIONS) break;
    options.set(releaseKeyOf(release), { title: releaseTitle(release), key: releaseKeyOf(release) });
  }
  return [...options.values()];
}
