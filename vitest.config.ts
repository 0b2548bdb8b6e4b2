import { defineConfig } from 'vitest/config'

/**
 * Suites that take minutes here (faults with killed servers, every real project on both targets, the
 * embedded database started per test): `npm run test:slow`. `npm test` runs the rest in about 2 minutes;
 * CI runs both (`npm run test:all`).
 */
export const SLOW_SUITES = [
  '__tests__/reliability/**/*.test.ts',
  '__tests__/e2e/real-projects.test.ts',
  '__tests__/e2e/project-cases.test.ts',
  '__tests__/integration/corpus/**/*.test.ts',
  '__tests__/integration/targets/embedded-contract.test.ts',
  '__tests__/integration/targets/hasura-contract.test.ts',
  '__tests__/integration/targets/own-transactions.test.ts',
]

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['__tests__/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'fast', include: ['__tests__/**/*.test.ts'], exclude: SLOW_SUITES } },
      { extends: true, test: { name: 'slow', include: SLOW_SUITES } },
    ],
  },
})
