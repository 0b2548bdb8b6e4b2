/**
 * Hasura's fixtures and the corpus of real projects live in ../shared, beside the repository — others'
 * data, never copied in. With REQUIRE_SHARED=1 (.ci/run) their absence fails; elsewhere the tests that
 * need them are skipped with a reason.
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe } from 'vitest'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const sharedDir = process.env.HMA_SHARED_DIR ?? resolve(repoRoot, '..', 'shared')
export const hasShared = existsSync(join(sharedDir, 'corpus')) && existsSync(join(sharedDir, 'fixtures'))

if (!hasShared && process.env.REQUIRE_SHARED === '1') {
  throw new Error(`REQUIRE_SHARED=1 but ${sharedDir} (Hasura fixtures and corpus) is missing`)
}

export const corpusDir = (name = ''): string => join(sharedDir, 'corpus', name)
export const fixturesDir = (rel = ''): string => join(sharedDir, 'fixtures', 'hasura-cli', rel)

const SKIP_REASON = `skipped: ${sharedDir} is absent (Hasura's fixtures and the corpus are not part of this repository)`

/** `describe` for tests that read ../shared: skipped with a reason when it is absent. */
export const describeShared = (name: string, fn: () => void): void => {
  if (hasShared) describe(name, fn)
  else describe.skip(`${name} — ${SKIP_REASON}`, fn)
}
