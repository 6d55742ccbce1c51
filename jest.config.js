// Native ESM (lowdb is ESM-only) with @swc/jest: it strips types without loading TypeScript,
// so jest is not tied to the compiler's version (../shared/TOOLING.md). `tsc --noEmit` checks types.
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'es6' } },
    ],
  },
  testTimeout: 20000,
};
