// Resolve every release of the catalogue by its names ("windows 8.1") and compute its status today.
import { createResolver } from '../src/catalog/resolve-name.js';
import { computeLifecycle } from '../src/lifecycle/compute-lifecycle.js';
import { ms, summarize } from './stats.js';
import { testCore } from '../test/helpers/test-core.js';

const core = testCore();
const resolve = createResolver(core.catalog);
const names = core.catalog.products.flatMap((product) =>
  product.releases.map((release) => `${product.name} ${release.name}`),
);
const asOf = '2026-11-27';

function runOnce(): { elapsed: number; resolved: number } {
  const started = performance.now();
  let resolved = 0;
  for (const name of names) {
    const resolution = resolve(name);
    if (resolution.kind === 'release') {
      computeLifecycle(resolution.release, asOf);
      resolved += 1;
    }
  }
  return { elapsed: performance.now() - started, resolved };
}

const first = runOnce();
const runs = Array.from({ length: 20 }, runOnce);
const { median, p99 } = summarize(runs.map((run) => run.elapsed));
console.log(
  `resolve + status of all ${names.length} releases by name: first (cold) run ${ms(first.elapsed)}, then median ${ms(median)}, worst of 20 ${ms(p99)}   (target < 500 ms)`,
);
console.log(
  `resolved to exactly that release: ${first.resolved} of ${names.length}; per release ${((median / names.length) * 1000).toFixed(1)} µs`,
);
