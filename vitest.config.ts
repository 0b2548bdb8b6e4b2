import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

/**
 * Three projects, one command each (README, "Try it"): `npm test` runs `fast` (unit, integration and
 * end-to-end, about a minute and a half); the rest take minutes. CI runs all three (`npm run test:all`).
 */

/** `npm run test:reliability`: faults (killed servers), races, hostile inputs and property tests. */
export const RELIABILITY_SUITES = ['__tests__/reliability/**/*.test.ts']

/**
 * `npm run test:projects`: every real project and case on dist/, the corpus, the target contracts, dist/
 * against the Hasura test server, and the drift stage's whole runs (each starts an embedded database for
 * its replay).
 */
export const PROJECT_SUITES = [
  '__tests__/integration/drift/run-drift.test.ts',
  '__tests__/e2e/drift.test.ts',
  '__tests__/e2e/hasura.test.ts',
  '__tests__/e2e/real-projects.test.ts',
  '__tests__/e2e/project-cases.test.ts',
  '__tests__/e2e/verify-metadata.test.ts',
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
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['__tests__/**/*.test.ts'],
          exclude: [...RELIABILITY_SUITES, ...PROJECT_SUITES],
          // Vitest's default (cores - 1) is one file at a time on 2 cores; these files mostly wait on
          // PostgreSQL and dist/ runs, so two at a time take about two thirds of the time there
          maxWorkers: Math.max(2, availableParallelism() - 1),
          // projects with their own maxWorkers run one after the other (test:all: this one first)
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'reliability', include: RELIABILITY_SUITES, sequence: { groupOrder: 1 } },
      },
      { extends: true, test: { name: 'projects', include: PROJECT_SUITES, sequence: { groupOrder: 2 } } },
    ],
  },
})
