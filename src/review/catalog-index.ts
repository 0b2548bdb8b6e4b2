/** Look-ups over a catalog snapshot by qualified name, built once per verification. */
import type {
  CatalogConstraint,
  CatalogFunction,
  CatalogRelation,
  CatalogSnapshot,
  QualifiedName,
} from '../catalog/types.js'

export const nameKey = (q: QualifiedName): string => `${q.schema}\u0000${q.name}`

export class CatalogLookup {
  private readonly relations = new Map<string, CatalogRelation>()
  private readonly functions = new Map<string, CatalogFunction[]>()
  private readonly enums = new Set<string>()
  /** Foreign keys by the table they point at. */
  private readonly referencing = new Map<string, { table: CatalogRelation; fk: CatalogConstraint }[]>()

  constructor(snapshot: CatalogSnapshot) {
    for (const r of snapshot.relations) {
      this.relations.set(nameKey(r), r)
      for (const c of r.constraints) {
        if (c.kind !== 'foreign key' || !c.references) continue
        const k = nameKey(c.references)
        const list = this.referencing.get(k) ?? []
        list.push({ table: r, fk: c })
        this.referencing.set(k, list)
      }
    }
    for (const f of snapshot.functions) {
      const k = nameKey(f)
      const list = this.functions.get(k) ?? []
      list.push(f)
      this.functions.set(k, list)
    }
    for (const e of snapshot.enums) this.enums.add(nameKey(e))
  }

  relation(q: QualifiedName): CatalogRelation | undefined {
    return this.relations.get(nameKey(q))
  }

  /** Every overload of the function (procedures and aggregates are not functions Hasura can use). */
  functionsNamed(q: QualifiedName): CatalogFunction[] {
    return (this.functions.get(nameKey(q)) ?? []).filter((f) => f.kind === 'function')
  }

  /** The foreign keys declared on `q`. */
  foreignKeysOf(q: QualifiedName): CatalogConstraint[] {
    return (this.relation(q)?.constraints ?? []).filter((c) => c.kind === 'foreign key')
  }

  /** Foreign keys on `from` that point at `to`. */
  foreignKeysBetween(from: QualifiedName, to: QualifiedName): CatalogConstraint[] {
    return (this.referencing.get(nameKey(to)) ?? [])
      .filter((r) => r.table.schema === from.schema && r.table.name === from.name)
      .map((r) => r.fk)
  }

  /** A composite type: a table's row type, or a type that is neither built in nor an enum. */
  isComposite(q: QualifiedName): boolean {
    if (this.relation(q)) return true
    if (q.schema === 'pg_catalog' || q.schema === 'information_schema') return false
    return !this.enums.has(nameKey(q))
  }
}
