/**
 * Walks a file's top-level statements in order: reports what each does that is unsafe on a live
 * database, and keeps the run's picture of the schema (`RunSchema`) up to date for the statements that
 * follow. Statements inside function bodies and DO blocks are not looked at: they are strings to the
 * parser, and what they do depends on how they run.
 */
import type { AlterTableCmd, ColumnDef, Constraint, Node, RangeVar } from 'libpg-query'
import type { QualifiedName } from '../../catalog/types.js'
import { NO_TRANSACTION_MARKER } from '../../project/no-transaction-marker.js'
import { changesWithoutRewrite, formatType, typeFromAst, type ColumnType } from './column-types.js'
import type { RuleId } from './rules.js'
import type { ColumnState, RunSchema, TableState } from './run-schema.js'
import type { DatabaseObject } from './types.js'
import {
  columnConstraints,
  columnNotNull,
  dropKind,
  isColumnItself,
  isOff,
  listStrings,
  notNullCheckColumn,
  perRowValue,
  SERIAL_TYPES,
  strings,
} from './nodes.js'

/** Where the walker sends what it finds. */
export interface WalkSink {
  /**
   * A finding at `line`. With `withdrawnBy`, it is withdrawn if the run later creates the object of
   * that key again (see `objectKey`): a drop followed by a re-creation.
   */
  finding(rule: RuleId, line: number, message: string, withdrawnBy?: string): void
  /** Whether the project's metadata uses the object. */
  referenced(object: DatabaseObject): boolean
  /** The object of `key` exists (again) from here on. */
  created(key: string): void
}

/** What a re-creation can withdraw a finding about: what the metadata references, and types. */
type CreatedObject = DatabaseObject | { kind: 'type'; schema: string; name: string }

export const objectKey = (o: CreatedObject): string => JSON.stringify(o)

function describe(o: DatabaseObject): string {
  switch (o.kind) {
    case 'schema':
      return `schema ${o.schema}`
    case 'table':
      return `${o.schema}.${o.name}`
    case 'column':
      return `column ${o.schema}.${o.table}.${o.column}`
    case 'function':
      return `function ${o.schema}.${o.name}`
  }
}

const NO_TRANSACTION = `'${NO_TRANSACTION_MARKER}'`
const LOCK_MODES = [
  '',
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
]

const show = (q: QualifiedName): string => `${q.schema}.${q.name}`

/** Why the rules treat a table as holding data: from the catalog, or assumed. */
function before(t: TableState): string {
  return t.origin === 'catalog'
    ? 'an existing table'
    : 'a table this run did not create (assumed to exist before it: no catalog snapshot was taken)'
}

export class FileWalker {
  /** The first schema of `search_path` that a statement's unqualified names fall in. */
  private searchPath: string[] = ['public']
  private line = 0

  constructor(
    private readonly schema: RunSchema,
    private readonly sink: WalkSink,
  ) {}

  statement(node: Node, line: number): void {
    this.line = line
    if ('CreateStmt' in node)
      this.createTable(node.CreateStmt.relation, node.CreateStmt.tableElts, node.CreateStmt.if_not_exists)
    else if ('CreateForeignTableStmt' in node) {
      const base = node.CreateForeignTableStmt.base
      this.createTable(base?.relation, base?.tableElts, base?.if_not_exists)
    } else if ('CreateTableAsStmt' in node) this.createRelation(node.CreateTableAsStmt.into?.rel)
    else if ('ViewStmt' in node) this.createRelation(node.ViewStmt.view, node.ViewStmt.replace)
    else if ('SelectStmt' in node) this.createRelation(node.SelectStmt.intoClause?.rel)
    else if ('CreateSchemaStmt' in node) this.createSchema(node.CreateSchemaStmt)
    else if ('CreateEnumStmt' in node) this.createType(node.CreateEnumStmt.typeName)
    else if ('CreateDomainStmt' in node) this.createType(node.CreateDomainStmt.domainname)
    else if ('CompositeTypeStmt' in node) this.createType(node.CompositeTypeStmt.typevar)
    else if ('CreateRangeStmt' in node) this.createType(node.CreateRangeStmt.typeName)
    else if ('CreateFunctionStmt' in node) this.createFunction(node.CreateFunctionStmt)
    else if ('IndexStmt' in node) this.createIndex(node.IndexStmt)
    else if ('DropStmt' in node) this.drop(node.DropStmt)
    else if ('TruncateStmt' in node) this.truncate(node.TruncateStmt)
    else if ('AlterTableStmt' in node) this.alterTable(node.AlterTableStmt)
    else if ('RenameStmt' in node) this.rename(node.RenameStmt)
    else if ('AlterObjectSchemaStmt' in node) this.setSchema(node.AlterObjectSchemaStmt)
    else if ('VacuumStmt' in node) this.vacuum(node.VacuumStmt)
    else if ('ClusterStmt' in node) this.cluster(node.ClusterStmt.relation)
    else if ('ReindexStmt' in node) this.reindex(node.ReindexStmt)
    else if ('LockStmt' in node) this.lock(node.LockStmt)
    else if ('VariableSetStmt' in node) this.set(node.VariableSetStmt)
  }

  private report(rule: RuleId, message: string, withdrawnBy?: CreatedObject): void {
    this.sink.finding(rule, this.line, message, withdrawnBy && objectKey(withdrawnBy))
  }

  /** `object` is dropped or renamed here: the metadata must not still use it, unless the run recreates it. */
  private removes(object: DatabaseObject, what: string): void {
    if (!this.sink.referenced(object)) return
    this.report(
      'referenced-by-metadata',
      `${what}, which the project's metadata still uses (${describe(object)}): after this migration Hasura's metadata is inconsistent; change the metadata in the same pull request, or keep the old name (a view for a table)`,
      object,
    )
  }

  private creates(object: CreatedObject): void {
    this.sink.created(objectKey(object))
  }

  // ---- names ------------------------------------------------------------------------------------

  /** The name a new object gets: unqualified names land in the first schema of `search_path`. */
  private newName(names: string[]): QualifiedName {
    const name = names[names.length - 1] ?? ''
    return { schema: names.length > 1 ? names[names.length - 2] : this.searchPath[0], name }
  }

  private relationName(rv: RangeVar): QualifiedName {
    const name = rv.relname ?? ''
    if (rv.schemaname) return { schema: rv.schemaname, name }
    // An existing relation is found along the search path; only its first schema when none has it.
    const found = this.searchPath.find((schema) => this.schema.known({ schema, name }) !== undefined)
    return { schema: found ?? this.searchPath[0], name }
  }

  // ---- creations --------------------------------------------------------------------------------

  private createTable(rv: RangeVar | undefined, elements: Node[] | undefined, ifNotExists?: boolean): void {
    if (!rv) return
    const q = this.relationName(rv)
    if (ifNotExists && this.schema.known(q)) return
    const columns = new Map<string, ColumnState>()
    for (const e of elements ?? []) {
      if (!('ColumnDef' in e)) continue
      const def = e.ColumnDef
      if (!def.colname) continue
      const state: ColumnState = { notNull: columnNotNull(def), addedInRun: true }
      if (def.typeName) state.type = typeFromAst(def.typeName)
      columns.set(def.colname, state)
    }
    this.schema.createTable(q, columns)
    this.creates({ kind: 'table', ...q })
    for (const column of columns.keys()) {
      this.creates({ kind: 'column', schema: q.schema, table: q.name, column })
    }
  }

  /** A view, materialized view or table from a query: its columns are not known here. */
  private createRelation(rv: RangeVar | undefined, replace = false): void {
    if (!rv) return
    const q = this.relationName(rv)
    // CREATE OR REPLACE VIEW of a view from before the run keeps it one (assumed so without a catalog).
    const before = replace ? this.schema.table(q) : undefined
    if (!this.schema.existedBefore(before)) this.schema.createTable(q, new Map())
    this.creates({ kind: 'table', ...q })
  }

  private createSchema(s: { schemaname?: string; schemaElts?: Node[]; if_not_exists?: boolean }): void {
    const name = s.schemaname
    if (!name) return
    if (!(s.if_not_exists && this.schema.schemaExistedBefore(name))) this.schema.createSchema(name)
    this.creates({ kind: 'schema', schema: name })
    // CREATE SCHEMA s CREATE TABLE t …: the elements' unqualified names are in s.
    const saved = this.searchPath
    this.searchPath = [name]
    for (const element of s.schemaElts ?? []) this.statement(element, this.line)
    this.searchPath = saved
  }

  private createType(name: Node[] | RangeVar | undefined): void {
    if (!name) return
    const q = Array.isArray(name) ? this.newName(strings(name)) : this.relationName(name)
    this.schema.createType(q)
    this.creates({ kind: 'type', ...q })
  }

  private createFunction(f: { funcname?: Node[]; options?: Node[]; is_procedure?: boolean }): void {
    const q = this.newName(strings(f.funcname))
    let volatility: 'immutable' | 'stable' | 'volatile' = 'volatile'
    for (const o of f.options ?? []) {
      if (!('DefElem' in o) || o.DefElem.defname !== 'volatility') continue
      const arg = o.DefElem.arg
      const v = arg && 'String' in arg ? arg.String.sval : undefined
      if (v === 'immutable' || v === 'stable' || v === 'volatile') volatility = v
    }
    this.schema.createFunction(q, volatility)
    if (!f.is_procedure) this.creates({ kind: 'function', ...q })
  }

  private createIndex(i: {
    relation?: RangeVar
    idxname?: string
    concurrent?: boolean
    if_not_exists?: boolean
  }): void {
    if (!i.relation) return
    const table = this.relationName(i.relation)
    if (i.idxname) this.schema.createIndex({ schema: table.schema, name: i.idxname })
    const state = this.schema.table(table)
    if (i.concurrent || !this.schema.existedBefore(state)) return
    this.report(
      'create-index-not-concurrently',
      `CREATE INDEX${i.idxname ? ` ${i.idxname}` : ''} on ${show(table)}, ${before(state)}, without CONCURRENTLY: writes to the table (Hasura mutations included) wait until the index is built; use CREATE INDEX CONCURRENTLY, alone in a file whose first line is ${NO_TRANSACTION}`,
    )
  }

  // ---- drops ------------------------------------------------------------------------------------

  private drop(d: { objects?: Node[]; removeType?: string; behavior?: string; missing_ok?: boolean }): void {
    const cascade = d.behavior === 'DROP_CASCADE'
    const objects = d.objects ?? []
    let touchesExisting = false
    const kind = d.removeType ?? ''
    switch (kind) {
      case 'OBJECT_TABLE':
      case 'OBJECT_FOREIGN_TABLE':
      case 'OBJECT_VIEW':
      case 'OBJECT_MATVIEW':
        for (const o of objects) {
          const names = listStrings(o)
          const rq = names.length > 1 ? this.newName(names) : this.relationName({ relname: names[0] ?? '' })
          const state = this.schema.table(rq)
          if (this.schema.existedBefore(state)) {
            touchesExisting = true
            if (kind === 'OBJECT_TABLE' || kind === 'OBJECT_FOREIGN_TABLE') {
              this.report(
                'drop-table',
                `drops table ${show(rq)}, ${before(state)}: its rows are gone, and Hasura's GraphQL API loses the type and its fields`,
              )
            }
          }
          if (state) this.removes({ kind: 'table', ...rq }, `drops ${show(rq)}`)
          this.schema.dropTable(rq)
        }
        break
      case 'OBJECT_SCHEMA':
        for (const o of objects) {
          const name = 'String' in o ? (o.String.sval ?? '') : ''
          if (this.schema.schemaExistedBefore(name)) {
            touchesExisting = true
            this.report(
              'drop-schema',
              `drops schema ${name}, which this run did not create${this.schema.hasCatalog ? '' : ' (assumed to exist before it: no catalog snapshot was taken)'}: every table, view and function in it goes with it`,
            )
          }
          if (this.schema.schemaExists(name))
            this.removes({ kind: 'schema', schema: name }, `drops schema ${name}`)
          this.schema.dropSchema(name)
        }
        break
      case 'OBJECT_TYPE':
      case 'OBJECT_DOMAIN':
        for (const o of objects) {
          const q = this.newName('TypeName' in o ? strings(o.TypeName.names) : listStrings(o))
          if (this.schema.typeExistedBefore(q)) {
            touchesExisting = true
            this.report(
              'drop-type',
              `drops ${kind === 'OBJECT_DOMAIN' ? 'domain' : 'type'} ${show(q)}, which this run did not create: it fails while a column uses it, and with CASCADE such columns are dropped with their data (a type the run creates again, such as a function's result type, is not reported)`,
              { kind: 'type', ...q },
            )
          }
          this.schema.dropType(q)
        }
        break
      case 'OBJECT_FUNCTION':
        for (const o of objects) {
          if (!('ObjectWithArgs' in o)) continue
          const q = this.newName(strings(o.ObjectWithArgs.objname))
          this.removes({ kind: 'function', ...q }, `drops function ${show(q)}`)
        }
        touchesExisting = true
        break
      default:
        touchesExisting = true
    }
    if (cascade && touchesExisting) {
      this.report(
        'drop-cascade',
        `DROP ${dropKind(kind)} … CASCADE also drops every object that depends on it (views, foreign keys, functions, columns of its type) without naming them; drop the dependents explicitly first`,
      )
    }
  }

  private truncate(t: { relations?: Node[]; behavior?: string }): void {
    const existing: string[] = []
    for (const r of t.relations ?? []) {
      if (!('RangeVar' in r)) continue
      const q = this.relationName(r.RangeVar)
      if (this.schema.existedBefore(this.schema.table(q))) existing.push(show(q))
    }
    if (existing.length === 0) return
    const tables = existing.join(', ')
    this.report(
      'truncate',
      `TRUNCATE ${tables}: deletes every row of ${existing.length === 1 ? 'a table' : 'tables'} this run did not create${this.schema.hasCatalog ? '' : ' (assumed to hold data: no catalog snapshot was taken)'}, under an ACCESS EXCLUSIVE lock`,
    )
    if (t.behavior === 'DROP_CASCADE') {
      this.report(
        'drop-cascade',
        `TRUNCATE ${tables} CASCADE also empties every table with a foreign key to ${existing.length === 1 ? 'it' : 'them'}, without naming them`,
      )
    }
  }

  // ---- ALTER TABLE ------------------------------------------------------------------------------

  private alterTable(a: {
    relation?: RangeVar
    cmds?: Node[]
    objtype?: string
    missing_ok?: boolean
  }): void {
    if (!a.relation || (a.objtype !== 'OBJECT_TABLE' && a.objtype !== 'OBJECT_FOREIGN_TABLE')) return
    const q = this.relationName(a.relation)
    const table = this.schema.table(q)
    if (!table) return // does not exist: the statement fails, or IF EXISTS makes it a no-op
    for (const c of a.cmds ?? []) {
      if ('AlterTableCmd' in c) this.alterTableCommand(table, c.AlterTableCmd)
    }
  }

  private alterTableCommand(table: TableState, c: AlterTableCmd): void {
    const existing = this.schema.existedBefore(table)
    const where = show(table)
    switch (c.subtype) {
      case 'AT_AddColumn': {
        const def = c.def && 'ColumnDef' in c.def ? c.def.ColumnDef : undefined
        if (def?.colname) this.addColumn(table, def, existing, c.missing_ok)
        return
      }
      case 'AT_DropColumn': {
        const name = c.name ?? ''
        const column = this.schema.column(table, name)
        if (!column) return
        if (existing && !column.addedInRun) {
          this.report(
            'drop-column',
            `drops column ${name} of ${where}, ${before(table)}: its data is gone, and Hasura's GraphQL API loses the field (permissions that list it become inconsistent)`,
          )
        }
        if (c.behavior === 'DROP_CASCADE' && existing) {
          this.report(
            'drop-cascade',
            `DROP COLUMN ${name} … CASCADE also drops the views, indexes and constraints that use it, without naming them; drop those explicitly first`,
          )
        }
        this.removes(
          { kind: 'column', schema: table.schema, table: table.name, column: name },
          `drops column ${where}.${name}`,
        )
        table.columns.set(name, null)
        table.provenNotNull.delete(name)
        return
      }
      case 'AT_AlterColumnType': {
        const def = c.def && 'ColumnDef' in c.def ? c.def.ColumnDef : undefined
        if (!def?.typeName) return
        this.changeType(table, c.name ?? '', typeFromAst(def.typeName), def.raw_default, existing)
        return
      }
      case 'AT_SetNotNull':
        this.setNotNull(table, c.name ?? '', existing)
        return
      case 'AT_AddConstraint': {
        const con = c.def && 'Constraint' in c.def ? c.def.Constraint : undefined
        if (con) this.addConstraint(table, con, existing)
        return
      }
      case 'AT_ValidateConstraint': {
        const column = table.unvalidatedNotNullChecks.get(c.name ?? '')
        if (column !== undefined) {
          table.provenNotNull.add(column)
          table.unvalidatedNotNullChecks.delete(c.name ?? '')
        }
        return
      }
      case 'AT_DropConstraint':
        if (c.behavior === 'DROP_CASCADE' && existing) {
          this.report(
            'drop-cascade',
            `DROP CONSTRAINT ${c.name ?? ''} … CASCADE on ${where} also drops the foreign keys that depend on it, without naming them`,
          )
        }
        table.unvalidatedNotNullChecks.delete(c.name ?? '')
        return
      case 'AT_DropNotNull': {
        const column = this.schema.column(table, c.name ?? '')
        if (column) table.columns.set(c.name ?? '', { ...column, notNull: false })
        return
      }
      default:
        return
    }
  }

  private addColumn(table: TableState, def: ColumnDef, existing: boolean, ifNotExists?: boolean): void {
    const name = def.colname ?? ''
    if (ifNotExists && this.schema.column(table, name)) return
    const constraints = columnConstraints(def)
    const type = def.typeName ? typeFromAst(def.typeName) : undefined
    const notNull = columnNotNull(def)
    if (existing) {
      const where = `${show(table)}, ${before(table)}`
      const perRow = perRowValue(def, constraints, type, (n) => this.functionVolatility(n))
      if (perRow) {
        this.report(
          'add-column-volatile-default',
          `adds column ${name} to ${where}, with ${perRow}: PostgreSQL rewrites the whole table under an ACCESS EXCLUSIVE lock, blocking every Hasura query on it; add the column without the default, set the default, then backfill existing rows in batches`,
        )
      }
      const hasValue =
        constraints.some((k) =>
          ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'].includes(k.contype ?? ''),
        ) ||
        (type !== undefined && SERIAL_TYPES.has(type.name))
      if (notNull && !hasValue) {
        this.report(
          'add-column-required',
          `adds NOT NULL column ${name} without a default to ${where}: it fails as soon as the table has a row; add it nullable, backfill it, then set NOT NULL (or give it a constant default)`,
        )
      }
      const unique = constraints.find((k) => k.contype === 'CONSTR_PRIMARY' || k.contype === 'CONSTR_UNIQUE')
      if (unique) {
        this.report(
          'add-unique-without-index',
          `adds column ${name} to ${where} as ${unique.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE'}: its index is built under an ACCESS EXCLUSIVE lock, blocking every Hasura query on the table; add the column, build a unique index CONCURRENTLY, then ADD CONSTRAINT … USING INDEX`,
        )
      }
    }
    const state: ColumnState = { notNull, addedInRun: true }
    if (type) state.type = type
    table.columns.set(name, state)
    this.creates({ kind: 'column', schema: table.schema, table: table.name, column: name })
  }

  private changeType(
    table: TableState,
    name: string,
    to: ColumnType,
    using: Node | undefined,
    existing: boolean,
  ): void {
    const column = this.schema.column(table, name)
    if (!column) return
    const from = column.type
    table.columns.set(name, { ...column, type: to })
    if (!existing) return
    const plainUsing = using === undefined || isColumnItself(using, name, to)
    if (from && plainUsing && changesWithoutRewrite(from, to)) return
    const change = from ? `from ${formatType(from)} to ${formatType(to)}` : `to ${formatType(to)}`
    const unknown = from
      ? ''
      : ' (its current type is unknown without a catalog snapshot: only a widening such as varchar(n) to text or to a longer varchar is free)'
    const why = plainUsing ? '' : ' with a USING expression'
    this.report(
      'change-column-type',
      `changes the type of ${show(table)}.${name}, ${before(table)}, ${change}${why}${unknown}: PostgreSQL rewrites the table (or scans it) and rebuilds its indexes under an ACCESS EXCLUSIVE lock, and Hasura's GraphQL type for the field may change; add a new column, backfill it, and switch over instead`,
    )
  }

  private setNotNull(table: TableState, name: string, existing: boolean): void {
    const column = this.schema.column(table, name)
    if (!column) return
    table.columns.set(name, { ...column, notNull: true })
    if (!existing || column.notNull === true || table.provenNotNull.has(name)) return
    this.report(
      'set-not-null',
      `SET NOT NULL on ${show(table)}.${name}, ${before(table)}: PostgreSQL scans the whole table under an ACCESS EXCLUSIVE lock to check it; first ADD CONSTRAINT … CHECK (${name} IS NOT NULL) NOT VALID, VALIDATE it in its own transaction (a later file marked ${NO_TRANSACTION}), and then SET NOT NULL uses that check instead of scanning`,
    )
  }

  private addConstraint(table: TableState, con: Constraint, existing: boolean): void {
    const notValid = con.skip_validation === true
    const checked = notNullCheckColumn(con)
    if (checked !== undefined) {
      if (notValid && con.conname) table.unvalidatedNotNullChecks.set(con.conname, checked)
      else if (!notValid) table.provenNotNull.add(checked)
    }
    if (!existing) return
    const where = `${show(table)}, ${before(table)}`
    const name = con.conname ? ` ${con.conname}` : ''
    if ((con.contype === 'CONSTR_FOREIGN' || con.contype === 'CONSTR_CHECK') && !notValid) {
      const kind = con.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : 'CHECK'
      const lock =
        con.contype === 'CONSTR_FOREIGN'
          ? 'a SHARE ROW EXCLUSIVE lock on both tables, blocking their writes'
          : 'an ACCESS EXCLUSIVE lock, blocking every Hasura query on it'
      this.report(
        'constraint-without-not-valid',
        `adds ${kind} constraint${name} to ${where}, without NOT VALID: every row is checked while holding ${lock}; add it NOT VALID, then VALIDATE CONSTRAINT in its own transaction (a later file marked ${NO_TRANSACTION}, or with transaction: per-migration), which lets reads and writes go on`,
      )
    }
    if ((con.contype === 'CONSTR_PRIMARY' || con.contype === 'CONSTR_UNIQUE') && !con.indexname) {
      const kind = con.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE'
      this.report(
        'add-unique-without-index',
        `adds ${kind} constraint${name} to ${where}: its index is built under an ACCESS EXCLUSIVE lock, blocking every Hasura query on the table${con.contype === 'CONSTR_PRIMARY' ? ' (and its columns are scanned for NOT NULL)' : ''}; build a unique index CONCURRENTLY first, then ADD CONSTRAINT … ${kind} USING INDEX`,
      )
    }
  }

  // ---- renames ----------------------------------------------------------------------------------

  private rename(r: {
    renameType?: string
    relation?: RangeVar
    object?: Node
    subname?: string
    newname?: string
  }): void {
    const newName = r.newname ?? ''
    switch (r.renameType) {
      case 'OBJECT_TABLE':
      case 'OBJECT_VIEW':
      case 'OBJECT_MATVIEW':
      case 'OBJECT_FOREIGN_TABLE': {
        if (!r.relation) return
        const q = this.relationName(r.relation)
        this.moveRelation(q, { schema: q.schema, name: newName }, `renames ${show(q)} to ${newName}`)
        return
      }
      case 'OBJECT_COLUMN': {
        if (!r.relation) return
        const table = this.schema.table(this.relationName(r.relation))
        if (!table) return
        const from = r.subname ?? ''
        const column = this.schema.column(table, from)
        if (!column) return
        if (this.schema.existedBefore(table) && !column.addedInRun) {
          this.report(
            'rename-column',
            `renames column ${show(table)}.${from} to ${newName}: Hasura's GraphQL field changes name and every client query using it breaks, and metadata naming the old column becomes inconsistent; add the new column (or a custom field name in the metadata) and keep the old one until clients move`,
          )
        }
        this.removes(
          { kind: 'column', schema: table.schema, table: table.name, column: from },
          `renames column ${show(table)}.${from} to ${newName}`,
        )
        table.columns.set(from, null)
        table.columns.set(newName, column)
        this.creates({ kind: 'column', schema: table.schema, table: table.name, column: newName })
        return
      }
      case 'OBJECT_SCHEMA': {
        const from = r.subname ?? ''
        if (this.schema.schemaExistedBefore(from)) {
          this.report(
            'rename-table',
            `renames schema ${from} to ${newName}: every table and view in it moves, so Hasura's tracked tables in it become inconsistent and their GraphQL API goes`,
          )
        }
        this.removes({ kind: 'schema', schema: from }, `renames schema ${from} to ${newName}`)
        this.schema.dropSchema(from)
        this.schema.createSchema(newName)
        this.creates({ kind: 'schema', schema: newName })
        return
      }
      case 'OBJECT_FUNCTION': {
        const o = r.object
        if (!o || !('ObjectWithArgs' in o)) return
        const q = this.newName(strings(o.ObjectWithArgs.objname))
        this.removes({ kind: 'function', ...q }, `renames function ${show(q)} to ${newName}`)
        this.creates({ kind: 'function', schema: q.schema, name: newName })
        return
      }
      default:
        return
    }
  }

  private setSchema(s: {
    objectType?: string
    relation?: RangeVar
    object?: Node
    newschema?: string
  }): void {
    const to = s.newschema ?? ''
    if (
      s.relation &&
      ['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE'].includes(s.objectType ?? '')
    ) {
      const q = this.relationName(s.relation)
      this.moveRelation(q, { schema: to, name: q.name }, `moves ${show(q)} to schema ${to}`)
    } else if (s.objectType === 'OBJECT_FUNCTION' && s.object && 'ObjectWithArgs' in s.object) {
      const q = this.newName(strings(s.object.ObjectWithArgs.objname))
      this.removes({ kind: 'function', ...q }, `moves function ${show(q)} to schema ${to}`)
      this.creates({ kind: 'function', schema: to, name: q.name })
    }
  }

  private moveRelation(from: QualifiedName, to: QualifiedName, what: string): void {
    const state = this.schema.table(from)
    if (!state) return
    if (this.schema.existedBefore(state)) {
      this.report(
        'rename-table',
        `${what}: Hasura's GraphQL API for it (its root fields and type) changes name, every client query using it breaks, and metadata tracking the old name becomes inconsistent; create a view under the old name, or set a custom name in the metadata, until clients move`,
      )
    }
    this.removes({ kind: 'table', ...from }, what)
    this.schema.moveTable(from, to)
    this.creates({ kind: 'table', ...to })
  }

  // ---- maintenance and locks --------------------------------------------------------------------

  private vacuum(v: { options?: Node[]; rels?: Node[]; is_vacuumcmd?: boolean }): void {
    const full = (v.options ?? []).some(
      (o) => 'DefElem' in o && o.DefElem.defname === 'full' && !isOff(o.DefElem.arg),
    )
    if (!v.is_vacuumcmd || !full) return
    const rels = (v.rels ?? []).flatMap((r) =>
      'VacuumRelation' in r && r.VacuumRelation.relation
        ? [this.relationName(r.VacuumRelation.relation)]
        : [],
    )
    const existing = rels.filter((q) => this.schema.existedBefore(this.schema.table(q)))
    if (rels.length > 0 && existing.length === 0) return
    const what = rels.length === 0 ? 'every table of the database' : existing.map(show).join(', ')
    this.report(
      'vacuum-full',
      `VACUUM FULL rewrites ${what} under an ACCESS EXCLUSIVE lock, blocking every Hasura query on ${rels.length === 1 ? 'it' : 'them'} until done; use plain VACUUM, or an online tool such as pg_repack, outside the migration`,
    )
  }

  private cluster(rv: RangeVar | undefined): void {
    const q = rv ? this.relationName(rv) : undefined
    if (q && !this.schema.existedBefore(this.schema.table(q))) return
    this.report(
      'cluster',
      `CLUSTER rewrites ${q ? show(q) : 'every clustered table of the database'} under an ACCESS EXCLUSIVE lock, blocking every Hasura query on it until done; run it (or pg_repack) in a maintenance window, outside the migration`,
    )
  }

  private reindex(r: { kind?: string; relation?: RangeVar; name?: string; params?: Node[] }): void {
    if (
      (r.params ?? []).some(
        (p) => 'DefElem' in p && p.DefElem.defname === 'concurrently' && !isOff(p.DefElem.arg),
      )
    )
      return
    let target: string
    if (r.kind === 'REINDEX_OBJECT_TABLE' && r.relation) {
      const q = this.relationName(r.relation)
      if (!this.schema.existedBefore(this.schema.table(q))) return
      target = `table ${show(q)}`
    } else if (r.kind === 'REINDEX_OBJECT_INDEX' && r.relation) {
      const q = this.relationName(r.relation)
      if (this.schema.indexCreatedInRun(q)) return
      target = `index ${show(q)}`
    } else {
      target = `every index of ${r.kind === 'REINDEX_OBJECT_SCHEMA' ? `schema ${r.name ?? ''}` : 'the database'}`
    }
    this.report(
      'reindex-not-concurrently',
      `REINDEX of ${target} without CONCURRENTLY blocks writes to the table (and reads that use the index) until done; use REINDEX CONCURRENTLY, alone in a file whose first line is ${NO_TRANSACTION}`,
    )
  }

  private lock(l: { relations?: Node[]; mode?: number }): void {
    const tables = (l.relations ?? []).flatMap((r) =>
      'RangeVar' in r ? [this.relationName(r.RangeVar)] : [],
    )
    const existing = tables.filter((q) => this.schema.existedBefore(this.schema.table(q)))
    if (existing.length === 0) return
    const mode = LOCK_MODES[l.mode ?? 8] ?? 'ACCESS EXCLUSIVE'
    this.report(
      'lock-table',
      `LOCK TABLE ${existing.map(show).join(', ')} IN ${mode} MODE: held until the run's transaction ends${mode === 'ACCESS EXCLUSIVE' || mode === 'EXCLUSIVE' ? ', blocking Hasura queries on it for the whole run' : ''}; make sure the rest of the run is short`,
    )
  }

  private set(v: { kind?: string; name?: string; args?: Node[]; is_local?: boolean }): void {
    if (v.name !== 'search_path') return
    if (v.kind === 'VAR_SET_DEFAULT' || v.kind === 'VAR_RESET') {
      this.searchPath = ['public']
      return
    }
    const schemas = (v.args ?? []).flatMap((a) =>
      'A_Const' in a && a.A_Const.sval?.sval !== undefined ? [a.A_Const.sval.sval] : [],
    )
    const usable = schemas.filter((s) => s !== '$user' && s !== 'pg_catalog')
    if (usable.length > 0) this.searchPath = usable
  }

  private functionVolatility(name: string[]): 'immutable' | 'stable' | 'volatile' | undefined {
    if (name.length > 1) return this.schema.functionVolatility(this.newName(name))
    for (const schema of this.searchPath) {
      const v = this.schema.functionVolatility({ schema, name: name[0] })
      if (v) return v
    }
    return undefined
  }
}
