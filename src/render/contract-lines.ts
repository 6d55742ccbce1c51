// The contract answers as lines, for both renderers; null for other results.
import { releaseTitle } from '../catalog/release-title.js';
import type { Result } from '../commands/command-types.js';
import type { Formatter } from './formatter.js';
import { tableLine } from './table-line.js';

export function contractLines(result: Result, f: Formatter): string[] | null {
  if (result.kind !== 'contracts') return null;
  const nameOf = (release: { productLabel: string; label: string }) => f.text(releaseTitle(release));
  if (result.changed === 'removed' && result.removed)
    return [`Removed this team's contract for ${nameOf(result.removed)}.`];
  if (result.contracts.length === 0)
    return [
      'This team has no support contracts. Add one with `/eol contract windows-xp until 2016-04-14 Custom Support Agreement`.',
    ];
  const lines = result.changed === 'set' ? ['Recorded:'] : [f.strong("This team's support contracts")];
  if (f.tables) {
    const rows = result.contracts.map(({ release, contract }) => [
      releaseTitle(release),
      contract.name,
      contract.until,
      contract.by,
    ]);
    lines.push(
      tableLine({
        columns: ['Release', 'Contract', 'Covered until', 'Recorded by'],
        rows,
        right: [],
        more: '`/eol contracts` lists them from the command line too.',
      }),
    );
    return lines;
  }
  for (const { release, contract } of result.contracts) {
    lines.push(
      `• ${nameOf(release)}: ${f.text(contract.name)} until ${f.date(contract.until)} (recorded by ${f.user(contract.by)})`,
    );
  }
  return lines;
}
