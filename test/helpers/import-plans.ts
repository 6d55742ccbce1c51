// An import file planned as the bot plans it, against the bundled catalogue: its plan, or the reason it
// was refused; and a plan's counts as product/release -> machines.
import { planImport, type ImportPlan } from '../../src/imports/plan-import.js';
import { testCore } from './test-core.js';

const deps = testCore().deps();

const bytesOf = (file: Uint8Array | string): Uint8Array => (typeof file === 'string' ? Buffer.from(file) : file);

export const countsOf = (plan: ImportPlan): Record<string, number> =>
  Object.fromEntries(plan.counts.map(({ release, count }) => [`${release.productName}/${release.name}`, count]));

export function planned(file: Uint8Array | string): ImportPlan {
  const planning = planImport(bytesOf(file), deps);
  if (!planning.ok) throw new Error(planning.reason);
  return planning.plan;
}

export function refusal(file: Uint8Array | string): string {
  const planning = planImport(bytesOf(file), deps);
  if (planning.ok) throw new Error(`accepted: ${JSON.stringify(countsOf(planning.plan))}`);
  return planning.reason;
}
