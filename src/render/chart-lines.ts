// A chart's words: its title and summary. The picture itself is drawn by chart-images/ and shown by
// the adapter (Slack uploads it; the command line writes it with --out).
import type { Result } from '../commands/command-types.js';
import type { Formatter } from './formatter.js';

export function chartLines(result: Result, f: Formatter): string[] | null {
  if (result.kind !== 'chart') return null;
  return [f.strong(f.text(result.chart.title)), f.text(result.chart.summary)];
}
