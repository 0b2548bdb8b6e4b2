/**
 * What the safety rules know about one database's schema while they walk the run's files in order:
 * the catalog before the run (when a snapshot was taken), and what the files so far created, dropped,
 * renamed and altered. It answers one question above all: did this object exist before the run?
 * Without a catalog, an object the run did not create is assumed to have existed before it.
 */
import type { CatalogSnapshot, QualifiedName } from '../../catalog/types.js'
import { typeFromCatalog, type ColumnType } from './column-types.js'

/** `catalog`: in the snapshot; `assumed`: no snapshot, and the run did not create it; `run`: created by the run. */
export type Origin = 'catalog' | 'assumed' | 'run'

export interface ColumnState {
  /** Unknown for a column of an `assumed` table. */
  type?: ColumnType
  /** Unknown (undefined) for a column of an `assumed` table. */
  notNull?: boolean
  addedInRun: boolean
}

export interface TableState extends QualifiedName {
  origin: Origin
  /** A column name → its state; `null` marks a column dropped by the run (of an `assumed` table). */
  columns: Map<string, ColumnState | null>
  /** Columns a valid `CHECK (column IS NOT NULL)` proves not null. */
  provenNotNull: Set<string>
  /** Constraint name → column, for `CHECK (column IS NOT NULL) NOT VALID` not validated yet. */
  unvalidatedNotNullChecks: Map<string, string>
}

const key = (q: QualifiedName): string => `${q.schema}\u0000${q.name}`

/** `CHECK ((col IS NOT NULL))` as `pg_get_constraintdef` writes it (quoted when the name needs it). */
const NOT_NULL_CHECK = /^CHECK \(\((?:"((?:[^"]|"")+)"|([^\s()"]+)) IS NOT NULL\)\)$/

export class RunSchema {
  private readonly tables = new Map<string, TableState | null>()
  private readonly catalogTables = new Map<string, CatalogSnapshot['relations'][number]>()
  private readonly schemas = new Map<string, Origin | null>()
  private readonly types = new Map<string, Origin | null>()
  private readonly indexes = new Set<string>()
  private readonly functions = new Map<string, 'immutable' | 'stable' | 'volatile'>()

  constructor(private readonly catalog?: CatalogSnapshot) {
    for (const r of catalog?.relations ?? []) this.catalogTables.set(key(r), r)
    for (const f of catalog?.functions ?? []) {
      const k = key(f)
      // Overloads: the most volatile one decides.
      if (this.functions.get(k) !== 'volatile') this.functions.set(k, f.volatility)
    }
  }

  get hasCatalog(): boolean {
    return this.catalog !== undefined
  }

  /**
   * The table (or view) as it stands at this point of the run; undefined when it does not exist.
   * Without a catalog, one the run has not seen is assumed to exist.
   */
  table(q: QualifiedName): TableState | undefined {
    return this.known(q) ?? this.assume(q)
  }

  /** The table when the run or the catalog knows it, never assumed. */
  known(q: QualifiedName): TableState | undefined {
    const k = key(q)
    const seen = this.tables.get(k)
    if (seen !== undefined) return seen ?? undefined
    const relation = this.catalogTables.get(k)
    if (!relation) return undefined
    const state = this.newTable(q, 'catalog')
    for (const c of relation.columns) {
      state.columns.set(c.name, { type: typeFromCatalog(c.type), notNull: !c.nullable, addedInRun: false })
    }
    for (const c of relation.constraints) {
      const m = c.kind === 'check' && c.validated ? NOT_NULL_CHECK.exec(c.definition) : null
      if (m) state.provenNotNull.add(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2])
    }
    this.tables.set(k, state)
    return state
  }

  private assume(q: QualifiedName): TableState | undefined {
    const k = key(q)
    if (this.catalog || this.tables.has(k)) return undefined
    const state = this.newTable(q, 'assumed')
    this.tables.set(k, state)
    return state
  }

  /** The column as it stands; for an `assumed` table every column not dropped is assumed to exist. */
  column(table: TableState, name: string): ColumnState | undefined {
    const known = table.columns.get(name)
    if (known !== undefined) return known ?? undefined
    return table.origin === 'assumed' ? { addedInRun: false } : undefined
  }

  /** Existed before the run: the rules about locks and data loss apply to it. */
  existedBefore = (table: TableState | undefined): table is TableState =>
    table !== undefined && table.origin !== 'run'

  createTable(q: QualifiedName, columns: Map<string, ColumnState>): TableState {
    const state = this.newTable(q, 'run')
    for (const [name, c] of columns) state.columns.set(name, c)
    this.tables.set(key(q), state)
    return state
  }

  dropTable(q: QualifiedName): void {
    this.tables.set(key(q), null)
  }

  moveTable(from: QualifiedName, to: QualifiedName): void {
    const state = this.table(from)
    this.tables.set(key(from), null)
    if (state) this.tables.set(key(to), { ...state, schema: to.schema, name: to.name })
  }

  schemaExistedBefore(name: string): boolean {
    const known = this.schemas.get(name)
    if (known !== undefined) return known !== null && known !== 'run'
    return this.catalog ? this.catalog.schemas.includes(name) : true
  }

  /** Exists at this point of the run: from before it, or created by it. */
  schemaExists(name: string): boolean {
    return this.schemas.get(name) === 'run' || this.schemaExistedBefore(name)
  }

  createSchema(name: string): void {
    this.schemas.set(name, 'run')
  }

  dropSchema(name: string): void {
    this.schemas.set(name, null)
  }

  /** Types: the catalog lists enums only, so any type the run did not create counts as existing. */
  typeExistedBefore(q: QualifiedName): boolean {
    const known = this.types.get(key(q))
    return known === undefined || (known !== null && known !== 'run')
  }

  createType(q: QualifiedName): void {
    this.types.set(key(q), 'run')
  }

  dropType(q: QualifiedName): void {
    this.types.set(key(q), null)
  }

  createIndex(q: QualifiedName): void {
    this.indexes.add(key(q))
  }

  indexCreatedInRun(q: QualifiedName): boolean {
    return this.indexes.has(key(q))
  }

  createFunction(q: QualifiedName, volatility: 'immutable' | 'stable' | 'volatile'): void {
    this.functions.set(key(q), volatility)
  }

  functionVolatility(q: QualifiedName): 'immutable' | 'stable' | 'volatile' | undefined {
    return this.functions.get(key(q))
  }

  private newTable(q: QualifiedName, origin: Origin): TableState {
    return {
      schema: q.schema,
      name: q.name,
      origin,
      columns: new Map(),
      provenNotNull: new Set(),
      unvalidatedNotNullChecks: new Map(),
    }
  }
}
