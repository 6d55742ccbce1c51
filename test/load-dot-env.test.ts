// `.env` is read by Node's own reader, and an older Node gets one clear line instead of a crash.
import { afterAll, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDotEnv } from '../src/load-dot-env.js';
import { makeTempDir } from './helpers/temp-dir.js';

const temp = makeTempDir();
afterAll(() => temp.remove());

it('reads the variables of a .env file into the environment (in a real process: jest keeps its own copy)', () => {
  const path = join(temp.path, '.env');
  writeFileSync(path, 'EOLWATCH_TEST_FROM_DOTENV=yes\n');
  const script = `import { loadDotEnv } from './src/load-dot-env.ts'; loadDotEnv(${JSON.stringify(path)}); process.stdout.write(process.env.EOLWATCH_TEST_FROM_DOTENV ?? 'unset');`;
  const printed = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(printed).toBe('yes');
});

it('says which Node.js it needs when this one has no .env reader', () => {
  const path = join(temp.path, '.env');
  writeFileSync(path, 'A=1\n');
  const reader = process.loadEnvFile;
  try {
    (process as { loadEnvFile?: unknown }).loadEnvFile = undefined;
    expect(() => loadDotEnv(path)).toThrow(/needs Node\.js 20\.12 or later/);
  } finally {
    process.loadEnvFile = reader;
  }
});

it('does nothing without a .env file', () => {
  expect(() => loadDotEnv(join(temp.path, 'absent.env'))).not.toThrow();
});
