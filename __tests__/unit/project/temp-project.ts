/** Builds small Hasura projects in temporary directories for the project-reader tests. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { ConfigVersion, ProjectConfig } from '../../../src/project/types.js'
import { tempDir } from '../../support/temp-dir.js'

/** A file's content, or a symlink to `target` (relative to the link's directory). */
export type Entry = string | Buffer | { symlink: string } | { dir: true }

/** Writes `files` (path → content) below a fresh temp directory (removed after the test file) and returns its absolute path. */
export function tempProject(files: Record<string, Entry>): string {
  const root = tempDir('hma-project-')
  for (const [rel, entry] of Object.entries(files)) {
    const abs = join(root, rel)
    mkdirSync(dirname(abs), { recursive: true })
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) writeFileSync(abs, entry)
    else if ('symlink' in entry) symlinkSync(entry.symlink, abs)
    else mkdirSync(abs, { recursive: true })
  }
  return root
}

/** A ProjectConfig without config.yaml, for readers that take the model directly. */
export function configFor(
  projectDir: string,
  version: ConfigVersion,
  extra: Partial<ProjectConfig> = {},
): ProjectConfig {
  return {
    version,
    projectDir,
    configFile: join(projectDir, 'config.yaml'),
    migrationsDirectory: 'migrations',
    metadataDirectory: 'metadata',
    seedsDirectory: 'seeds',
    overrides: [],
    ...extra,
  }
}

/** Runs `fn` and returns the error it throws (fails the test when nothing is thrown). */
export function errorOf(fn: () => unknown): Error & { where?: Record<string, unknown> } {
  try {
    fn()
  } catch (e) {
    return e as Error & { where?: Record<string, unknown> }
  }
  throw new Error('expected an error, none was thrown')
}

/** The error `promise` rejects with (fails the test when it resolves). */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & { where?: Record<string, unknown> }> {
  try {
    await promise
  } catch (e) {
    return e as Error & { where?: Record<string, unknown> }
  }
  throw new Error('expected an error, none was thrown')
}
