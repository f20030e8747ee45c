// @ts-check
/**
 * unit: pure logic, `*.spec.ts` beside the code.
 * integration: `*.int-spec.ts` beside the code, against real FerretDB + Redis started by
 *   the global setup on free ports, and the real mediasoup worker.
 * e2e: `test/**` — the built platform as `npm start` runs it, driven by real Chromium.
 * Type checking is `npm run typecheck` (part of `npm test`); jest only transpiles.
 */
const common = {
  rootDir: '.',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  moduleNameMapper: {
    '^@tongke/(contracts|config|core)$': '<rootDir>/libs/$1/src',
    '^@tongke/(contracts|config|core)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  // Integration and e2e tests start real processes; unit tests finish far sooner.
  testTimeout: 90_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/integration.global-setup.ts',
      globalTeardown: '<rootDir>/test/support/integration.global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/e2e.global-setup.ts',
      globalTeardown: '<rootDir>/test/support/e2e.global-teardown.ts',
    },
  ],
};
