// A `.env` file in the working folder, read into the environment before the configuration is: by
// Node's own reader, which arrived in Node 20.12 (package.json's engines say so). On an older Node
// with a `.env`, one clear line instead of "process.loadEnvFile is not a function".
import { existsSync } from 'node:fs';

export function loadDotEnv(path = '.env'): void {
  if (!existsSync(path)) return;
  if (typeof process.loadEnvFile !== 'function') {
    throw new Error(
      `reading ${path} needs Node.js 20.12 or later (this is ${process.version}): upgrade Node.js, or set the variables in the environment instead`,
    );
  }
  process.loadEnvFile(path);
}
