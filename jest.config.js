/**
 * Jest: TypeScript through ts-jest (transpile only; `npm run typecheck` does the type checking).
 * `npm test` runs jest with --experimental-vm-modules because pptxgenjs loads node:fs with a dynamic import.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 60000,
};
