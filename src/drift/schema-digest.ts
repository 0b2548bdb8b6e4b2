/**
 * The two digests that let a drift check skip its replay. Pure. A replay is a function of the applied
 * versions' up files only, so a target schema it once found equal to their replay stays vouched for while
 * both digests stay the same: the schema's (what the check compares: Hasura's and the action's own objects
 * left out, the server version too) and the applied set's (each replayed file's version and hash).
 */
import { createHash } from 'node:crypto'
import type { CatalogSnapshot } from '../catalog/types.js'
import { canonicalJson } from '../review/canonical-json.js'
import { sha256Hex } from './ledger.js'
import type { ReplayFile } from './replay.js'
import { withoutHasura } from './schema-drift.js'

/** Bumped when what a digest covers changes, so digests recorded by another release never match. */
const DIGEST_FORMAT = 'hma-verified-schema/1'

export function schemaDigest(snapshot: CatalogSnapshot): string {
  const { serverVersion: _version, ...schema } = withoutHasura(snapshot)
  return createHash('sha256')
    .update(`${DIGEST_FORMAT}\n${canonicalJson(schema)}`, 'utf8')
    .digest('hex')
}

/** Over the files a replay runs, in order: a version applied or rolled back, or a file edited, changes it. */
export function appliedSetDigest(files: readonly Pick<ReplayFile, 'version' | 'text'>[]): string {
  const lines = files.map((f) => `${f.version} ${sha256Hex(f.text)}`)
  return createHash('sha256')
    .update([DIGEST_FORMAT, ...lines].join('\n'), 'utf8')
    .digest('hex')
}
