// A name that must mean exactly one release (inventory, watches), or why it does not.
import type { Release } from '../catalog/catalog.js';
import type { Resolution } from '../catalog/resolve-name.js';
import type { CommandDeps } from './command-types.js';

export function resolveOneRelease(name: string, deps: CommandDeps): { release: Release } | { reason: string } {
  return oneReleaseOf(deps.resolve(name));
}

/** A resolution that must be exactly one release, or why it is not. */
export function oneReleaseOf(resolution: Resolution): { release: Release } | { reason: string } {
  const named = (release: Release) => `\`${release.productName} ${release.name}\``;
  switch (resolution.kind) {
    case 'release':
      return { release: resolution.release };
    case 'releases':
      return {
        reason: `could be ${resolution.releases.length} releases (${resolution.releases.slice(0, 4).map(named).join(', ')}...): name one`,
      };
    case 'ambiguous':
      return {
        reason: `could be ${resolution.candidates.map((candidate) => `\`${candidate}\``).join(' or ')}: name one`,
      };
    case 'not-found':
      return {
        reason: `unknown release${
          resolution.suggestions.length > 0
            ? `; closest: ${resolution.suggestions
                .slice(0, 3)
                .map((s) => `\`${s}\``)
                .join(', ')}`
            : ''
        }`,
      };
  }
}

/** A release a form chose by key (`windows/8.1`): still in the catalogue, or why not. */
export function releaseOfKey(key: string, deps: CommandDeps): { release: Release } | { reason: string } {
  const release = deps.releaseByKey(key);
  return release ? { release } : { reason: 'is no release in the catalogue' };
}
