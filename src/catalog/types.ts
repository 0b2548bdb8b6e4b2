/**
 * A database's schema as one typed, normalised value: what metadata verification, the schema-change
 * report, the safety rules and drift detection all read. Taken with one query on any SQL target
 * (PostgreSQL, the embedded database, Hasura's `run_sql`), so it holds names and texts, never OIDs.
 *
 * Normalised: every list is sorted (relations, functions, enums, sequences by schema then name;
 * constraints, indexes and triggers by name; columns by position), so two snapshots of the same schema
 * compare equal with a deep equality, whichever server took them.
 */

/** `schema.name` of a table, view, type or function, unquoted. */
export interface QualifiedName {
  schema: string
  name: string
}

export type RelationKind = 'table' | 'partitioned table' | 'view' | 'materialized view' | 'foreign table'

export interface CatalogColumn {
  name: string
  /** `format_type` text, e.g. `integer`, `character varying(20)`, `public.mood`, `text[]`. */
  type: string
  /**
   * The column type's own `pg_type` name, for matching rows and enums (`{schema:'public', name:'mood'}`;
   * an array type is its own type: `{schema:'pg_catalog', name:'_text'}` for `text[]`).
   */
  typeRef: QualifiedName
  nullable: boolean
  /** `pg_get_expr` of the default; absent when none (an identity or generated column has none). */
  default?: string
  /** The generation expression of a `GENERATED ALWAYS AS (…) STORED` column. */
  generated?: string
  identity?: 'always' | 'by default'
}

export type ConstraintKind = 'primary key' | 'unique' | 'foreign key' | 'check' | 'exclusion'

export interface CatalogConstraint {
  name: string
  kind: ConstraintKind
  /** The constrained columns, in the constraint's order (empty for a check on an expression). */
  columns: string[]
  /** `pg_get_constraintdef`, e.g. `FOREIGN KEY (author_id) REFERENCES authors(id) ON DELETE CASCADE`. */
  definition: string
  /** False for a constraint added `NOT VALID` and not validated since. */
  validated: boolean
  /** For a foreign key: the referenced table and its columns, position for position with `columns`. */
  references?: QualifiedName & { columns: string[] }
}

export interface CatalogIndex {
  name: string
  unique: boolean
  /** The index behind the primary key. */
  primary: boolean
  /** Key columns by name; an expression key is its text (`lower(email)`). */
  columns: string[]
  /** `pg_get_indexdef`. */
  definition: string
  /** False after a failed `CREATE INDEX CONCURRENTLY`. */
  valid: boolean
}

export interface CatalogTrigger {
  name: string
  /** `pg_get_triggerdef`. */
  definition: string
  function: QualifiedName
  enabled: boolean
}

export interface CatalogRelation extends QualifiedName {
  kind: RelationKind
  /** In position order. */
  columns: CatalogColumn[]
  constraints: CatalogConstraint[]
  indexes: CatalogIndex[]
  /**
   * User triggers only: no internal constraint triggers, nor Hasura's event triggers (their functions
   * are in `hdb_catalog`: they belong to the metadata).
   */
  triggers: CatalogTrigger[]
  /** A view's or materialized view's `pg_get_viewdef`. */
  definition?: string
  comment?: string
}

export type ArgumentMode = 'in' | 'out' | 'inout' | 'variadic' | 'table'

export interface CatalogArgument {
  /** Absent for an unnamed argument. */
  name?: string
  mode: ArgumentMode
  /** `format_type` text. */
  type: string
  typeRef: QualifiedName
  hasDefault: boolean
}

export interface CatalogFunction extends QualifiedName {
  kind: 'function' | 'procedure' | 'aggregate' | 'window'
  /** Every argument, OUT and TABLE ones included, in declaration order. */
  arguments: CatalogArgument[]
  /** `pg_get_function_identity_arguments`: tells overloads apart (`integer, text`). */
  identityArguments: string
  returns: {
    /** `format_type` text of the return type (`SETOF` not included). */
    type: string
    typeRef: QualifiedName
    setOf: boolean
  }
  volatility: 'immutable' | 'stable' | 'volatile'
  language: string
  /** The body as stored (`prosrc`), so a function changed by hand differs. */
  source: string
}

export interface CatalogEnum extends QualifiedName {
  /** In sort order. */
  values: string[]
}

export interface CatalogSequence extends QualifiedName {
  /** The column a serial or identity sequence belongs to. */
  ownedBy?: QualifiedName & { column: string }
}

export interface CatalogExtension {
  name: string
  schema: string
  version: string
}

export interface CatalogSnapshot {
  /** `server_version_num`, e.g. 150004. */
  serverVersion: number
  /** User schemas: not `pg_*`, `information_schema`, Hasura's `hdb_catalog`, nor the action's own. */
  schemas: string[]
  relations: CatalogRelation[]
  functions: CatalogFunction[]
  enums: CatalogEnum[]
  sequences: CatalogSequence[]
  extensions: CatalogExtension[]
}
