/** What metadata verification reports: Hasura's inconsistent-object shape, plus where it is written. */
import type { MetadataPath } from '../project/metadata-locations.js'

export interface MetadataProblem {
  /** The source (database) the reference is resolved in; `default` for config 1 and 2. */
  database: string
  /** Hasura's object type: `table`, `object_relation`, `select_permission`, `custom_types`, … */
  type: string
  /** As the server names the object: `select_permission user in table article in source default`. */
  name: string
  /** As the server words it: `Inconsistent object: in table "article": …`. */
  reason: string
  /** Where in the built metadata the unresolved reference is. */
  path: MetadataPath
  /** The metadata file and line holding it (relative to the project), when a locator was given. */
  file?: string
  line?: number
}

/** A part of the metadata the verifier did not check, and why (so a report can say so). */
export interface NotChecked {
  kind: 'source' | 'remote_schema' | 'remote_relationship'
  name: string
  reason: string
}

export interface MetadataVerification {
  problems: MetadataProblem[]
  notChecked: NotChecked[]
}
