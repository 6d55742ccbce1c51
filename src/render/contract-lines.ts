// The contract answers as parts (lines and a table), for both renderers; null for other results.
import { releaseTitle } from '../catalog/release-title.js';
import type { Result } from '../commands/command-types.js';
import type { Formatter } from './formatter.js';
import type { AnswerPart } from './answer-part.js';

export function contractLines(result: Result, f: Formatter): AnswerPart[] | null {
  if (result.kind !== 'contracts') return null;
  const nameOf = (release: { productLabel: string; label: string }) => f.text(releaseTitle(release));
  if (result.changed === 'removed' && result.removed)
    return [`Removed this team's contract for ${nameOf(result.removed)}.`];
  if (result.contracts.length === 0)
    return [
      'This team has no support contracts. Add one with `/eol contract windows-xp until 2016-04-14 Custom Support Agreement`.',
    ];
  const lines = result.changed === 'set' ? ['Recorded:'] : [f.strong("This team's support contracts")];
  const table = {
    columns: ['Release', 'Contract', 'Covered until', 'Recorded by'],
    rows: result.contracts.map(({ release, contract }) => [
      releaseTitle(release),
      contract.name,
      contract.until,
      contract.by,
    ]),
    right: [],
    more: '`/eol contracts` lists them from the command line too.',
  };
  const rowLines = result.contracts.map(
    ({ release, contract }) =>
      `• ${nameOf(release)}: ${f.text(contract.name)} until ${f.date(contract.until)} (recorded by ${f.user(contract.by)})`,
  );
  return [...lines, { table, lines: rowLines }];
}
