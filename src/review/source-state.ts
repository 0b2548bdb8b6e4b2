/**
 * One source's schema as Hasura's schema cache would hold it while it is built: the tracked tables that
 * resolved, with their fields (columns, then the relationships and computed fields that resolved), and
 * the objects built so far with what they depend on. Dependencies are resolved last, as the server
 * does: an object whose dependency went missing is dropped, which may drop others in turn.
 */
import type { CatalogRelation, QualifiedName } from '../catalog/types.js'
import type { MetadataPath } from '../project/metadata-locations.js'
import { nameKey, type CatalogLookup } from './catalog-index.js'
import { dquote, inconsistent, qualifiedText } from './hasura-text.js'
import type { Json } from './tracked-metadata.js'
import type { MetadataProblem } from './types.js'

export type FieldKind = 'column' | 'relationship' | 'computed_field'

export interface Field {
  kind: FieldKind
  /** A relationship's remote table. */
  remote?: QualifiedName
}

export interface TableInfo {
  name: QualifiedName
  relation: CatalogRelation
  fields: Map<string, Field>
  entry: Json
  path: MetadataPath
}

/** What an object needs to stay in the schema; `path` is where the object's metadata names it. */
export type Dependency = { path?: MetadataPath } & (
  | { kind: 'table'; table: QualifiedName }
  | { kind: 'field'; field: FieldKind; table: QualifiedName; name: string }
)

/** A metadata object as `inconsistent_objects` names it, and where it is. */
export interface ObjectRef {
  type: string
  name: string
  path: MetadataPath
}

interface Built extends ObjectRef {
  deps: Dependency[]
  /** The field this object adds to its table (a relationship or a computed field). */
  adds?: { table: QualifiedName; field: string }
}

const FIELD_KIND_TEXT: Record<FieldKind, string> = {
  column: 'column',
  relationship: 'relationship',
  computed_field: 'computed field',
}

export class SourceState {
  readonly tables = new Map<string, TableInfo>()
  readonly problems: MetadataProblem[] = []
  private readonly built: Built[] = []

  constructor(
    readonly source: string,
    readonly catalog: CatalogLookup,
  ) {}

  table(q: QualifiedName): TableInfo | undefined {
    return this.tables.get(nameKey(q))
  }

  /** `table t in source s` */
  tableObjectName(q: QualifiedName): string {
    return `table ${qualifiedText(q)} in source ${this.source}`
  }

  /** `select_permission user in table t in source s` */
  tableChildName(type: string, name: string, table: QualifiedName): string {
    return `${type} ${name} in ${this.tableObjectName(table)}`
  }

  report(object: ObjectRef, reason: string, path: MetadataPath = object.path): void {
    this.problems.push({
      database: this.source,
      type: object.type,
      name: object.name,
      reason: inconsistent(reason),
      path,
    })
  }

  /** Records an object that built, with what it depends on. */
  record(object: ObjectRef, deps: Dependency[], adds?: { table: QualifiedName; field: string }): void {
    this.built.push({ ...object, deps, adds })
  }

  /** `pruneDanglingDependents`, repeated until nothing more goes missing. */
  resolveDependencies(): void {
    let live = this.built
    for (;;) {
      const dropped: Built[] = []
      live = live.filter((object) => {
        for (const dep of object.deps) {
          const reason = this.unresolved(dep)
          if (reason === undefined) continue
          dropped.push(object)
          this.report(object, reason, dep.path)
          return false
        }
        return true
      })
      if (dropped.length === 0) return
      for (const object of dropped)
        if (object.adds) this.table(object.adds.table)?.fields.delete(object.adds.field)
    }
  }

  private unresolved(d: Dependency): string | undefined {
    const table = this.table(d.table)
    const tableText = dquote(qualifiedText(d.table))
    if (!table) return `table ${tableText} is not tracked`
    if (d.kind === 'table') return undefined
    const field = table.fields.get(d.name)
    if (!field) return `table ${tableText} has no field named ${dquote(d.name)}`
    if (field.kind !== d.field)
      return `field ${dquote(d.name)} of table ${tableText} is not a ${FIELD_KIND_TEXT[d.field]}`
    return undefined
  }
}
