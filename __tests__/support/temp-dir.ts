/**
 * Temporary directories for tests, under `os.tmpdir()` (the run's own, see global-setup.ts): each is
 * removed when its test file ends, whether its tests passed or failed.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

const made: string[] = []

// registered once per test file: modules are loaded afresh for each file
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A new empty directory named `<prefix><random>`, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}
