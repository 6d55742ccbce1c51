// The JSON store's request limits log: what it remembers across a restart after it has compacted itself.
import { afterAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonRequestLimits } from '../../src/store/json/json-request-limits.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
afterAll(() => temp.remove());

it('keeps what is claimed after the log has compacted itself', async () => {
  const path = join(temp.path, 'compacted.limits.jsonl');
  let now = 0;
  const clock = () => now;
  const before = new JsonRequestLimits(path, clock);
  const shortLived = before.requestLimiter('signature', 1, 1);
  for (let n = 0; n <= 20_000; n += 1) expect(await shortLived.take(`s${n}`)).toBe(0);
  await before.settled();
  now = 2_000; // every one of those windows has ended
  const counted = before.requestLimiter('token', 100_000, 600);
  for (let n = 0; n < 25_000; n += 1) await counted.take('busy');
  await before.settled(); // past the compaction point, with one live window: the file is rewritten
  const claims = before.requestLimiter('claims', 1, 600);
  for (let n = 0; n < 100; n += 1) expect(await claims.take(`press ${n}`)).toBe(0);
  await before.close();

  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
  expect(lines.length).toBeLessThan(1_000); // the ended windows are gone from the file
  const after = new JsonRequestLimits(path, clock);
  for (let n = 0; n < 100; n += 1)
    expect(await after.requestLimiter('claims', 1, 600).take(`press ${n}`)).toBeGreaterThan(0);
  expect(await after.requestLimiter('signature', 1, 1).take('s1')).toBe(0);
  await after.close();
});
