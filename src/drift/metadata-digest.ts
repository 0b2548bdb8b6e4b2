/**
 * Metadata drift: the digest of the metadata as the server reports it (`export_metadata`) after the action
 * applied it, recorded in the ledger (ledger.ts `recordMetadataSql`), and compared with what the server
 * reports on a later run. Pure. Comparing the server's own export with itself means an untouched server
 * compares equal, whatever defaults it fills in on top of the project's files.
 */
import { createHash } from 'node:crypto'
import { isPlainObject as isObject } from '../project/yaml.js'
import { canonicalJson } from '../review/canonical-json.js'
import type { RecordedMetadata } from './ledger.js'

/** SHA-256 (hex) of the metadata's canonical JSON (keys sorted; arrays keep the server's order). */
export const metadataDigest = (metadata: unknown): string =>
  createHash('sha256').update(canonicalJson(metadata), 'utf8').digest('hex')

/** What `export_metadata` answered, split: `version: 2` answers `{resource_version, metadata}`, v1 the metadata. */
export interface ServerMetadata {
  metadata: unknown
  resourceVersion?: number
}

export function serverMetadataOf(answer: unknown): ServerMetadata {
  if (isObject(answer) && 'metadata' in answer && typeof answer.resource_version === 'number') {
    return { metadata: answer.metadata, resourceVersion: answer.resource_version }
  }
  return { metadata: answer }
}

export type MetadataDriftStatus =
  /** The server's metadata is what the action recorded after applying. */
  | 'unchanged'
  /** Someone changed the server's metadata since (the console, the CLI, another tool). */
  | 'changed'
  /** Nothing recorded yet: the action never applied metadata to this server, or before it kept digests. */
  | 'not-recorded'

export interface MetadataDrift {
  status: MetadataDriftStatus
  recorded?: RecordedMetadata
  current: { digest: string; resourceVersion?: number }
}

/**
 * The digest is the test, not the resource version: that also moves when the same metadata is applied
 * again or reloaded. Both versions are kept, to say how much happened since.
 */
export function compareMetadata(
  recorded: RecordedMetadata | undefined,
  server: ServerMetadata,
): MetadataDrift {
  const current = {
    digest: metadataDigest(server.metadata),
    ...(server.resourceVersion !== undefined ? { resourceVersion: server.resourceVersion } : {}),
  }
  if (!recorded) return { status: 'not-recorded', current }
  return { status: recorded.digest === current.digest ? 'unchanged' : 'changed', recorded, current }
}

/** One line for the report. */
export function metadataDriftMessage(d: MetadataDrift): string {
  if (d.status === 'not-recorded')
    return 'metadata drift not checked: no digest recorded yet (the next run that applies metadata records one)'
  if (d.status === 'unchanged') return 'the server metadata is what this action last applied'
  const since = d.recorded?.resourceVersion
  const now = d.current.resourceVersion
  const versions = since !== undefined && now !== undefined ? ` (resource_version ${since} → ${now})` : ''
  const by = d.recorded?.runUrl ? `, applied by ${d.recorded.runUrl}` : ''
  return `the server metadata was changed outside this action since it was last applied${by}${versions}`
}
