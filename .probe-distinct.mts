import { runText } from '/work/main/src/commands/run-command.ts';
import { renderBlocks } from '/work/main/src/render/render-blocks.ts';
import { SPEAKER, testCore } from '/work/main/test/helpers/test-core.ts';
import { distinctQuestions } from '/work/main/bench/distinct-questions.ts';
const core = testCore();
const qs = distinctQuestions(core.catalog, 3000);
const results = new Set<string>(); const rendered = new Set<string>();
const kinds: Record<string, number> = {};
for (const q of qs) {
  const r = await runText(q, core.deps(), SPEAKER);
  kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
  results.add(JSON.stringify(r)); rendered.add(JSON.stringify(renderBlocks(r)));
}
console.log(qs.length, results.size, rendered.size, kinds);
