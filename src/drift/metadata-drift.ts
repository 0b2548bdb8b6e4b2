/**
 * What changed in the server's metadata since this action applied it: the semantic diff (as for a pull
 * request's metadata changes) from what was applied — the project's metadata at the commit the ledger
 * recorded, read through git without touching the checkout — to the server's export now. When that commit
 * is not in the checkout (a shallow clone of a later commit), the checkout's metadata is the base, and
 * `note` says so.
 */
import { KnownError } from '../errors.js'
import { readBaseMetadata } from '../github/base-metadata.js'
import { short } from '../github/untrusted-code.js'
import { buildMetadata, type ProjectConfig } from '../project/index.js'
import { diffMetadataLoadingParser, type MetadataChanges } from '../review/metadata-diff.js'
import type { MetadataDrift, ServerMetadata } from './metadata-digest.js'

export interface MetadataDriftDiff {
  /** Where the "applied" side comes from. */
  base: { from: 'applied-commit'; commit: string } | { from: 'checkout' }
  changes: MetadataChanges
  note?: string
}

export interface MetadataDriftProject {
  config: ProjectConfig
  env?: NodeJS.ProcessEnv
  migrationsDir?: string
  /** The server's `HASURA_GRAPHQL_UNAUTHORIZED_ROLE`, when known. */
  unauthorizedRole?: string
}

/** The diff for a `changed` drift; undefined otherwise. */
export async function metadataDriftDiff(
  drift: MetadataDrift,
  server: ServerMetadata,
  project: MetadataDriftProject,
): Promise<MetadataDriftDiff | undefined> {
  if (drift.status !== 'changed') return undefined
  const options = project.unauthorizedRole ? { unauthorizedRole: project.unauthorizedRole } : {}
  const commit = drift.recorded?.commit
  let note: string | undefined
  if (commit) {
    try {
      const applied = await readBaseMetadata({
        projectDir: project.config.projectDir,
        commit,
        ...(project.env ? { env: project.env } : {}),
        ...(project.migrationsDir ? { migrationsDir: project.migrationsDir } : {}),
      })
      return {
        base: { from: 'applied-commit', commit: applied.commit },
        changes: await diffMetadataLoadingParser(applied.metadata, server.metadata, options),
      }
    } catch (e) {
      if (!(e instanceof KnownError)) throw e
      note = `the applied commit ${short(commit)} could not be read (${e.message}); compared with the checkout's metadata instead (actions/checkout with fetch-depth: 0 compares with what was applied)`
    }
  } else note = "no commit recorded with the metadata; compared with the checkout's metadata"
  const local = await buildMetadata(project.config)
  return {
    base: { from: 'checkout' },
    changes: await diffMetadataLoadingParser(local?.metadata, server.metadata, options),
    note,
  }
}
