/**
 * Property: a generated consistent project (tables, foreign keys, the relationships on them, select
 * permissions whose filters use columns and relationship paths) verifies clean; removing any one
 * column, foreign key or table that the metadata references yields exactly the problems of the
 * objects that reference it — directly, or through a relationship that broke with it — and nothing for
 * objects defined on a removed table (the server reports only the table).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CatalogSnapshot } from '../../../src/catalog/types.js'
import { verifyMetadata } from '../../../src/review/verify-metadata.js'
import { relation, snapshot, type TableSpec } from '../../support/catalog-builder.js'

interface Fk {
  id: string
  child: string
  parent: string
  column: string
}
interface Perm {
  table: string
  /** `table.column` items it needs, and relationship names (`obj:<fk>` / `arr:<fk>`) its filter walks. */
  columns: string[]
  rels: string[]
  filter: Record<string, unknown>
  list: string[]
}
interface World {
  tables: Map<string, string[]>
  fks: Fk[]
  perms: Perm[]
}

/** A small deterministic generator (mulberry32), so each fast-check seed is one world. */
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)],
  }
}

function world(seed: number): World {
  const r = rng(seed)
  const tables = new Map<string, string[]>()
  const count = 2 + r.int(3)
  for (let t = 0; t < count; t++) {
    tables.set(`t${t}`, ['id', ...Array.from({ length: 1 + r.int(3) }, (_, i) => `c${i}`)])
  }
  const names = [...tables.keys()]
  const fks: Fk[] = []
  for (let t = 1; t < count; t++) {
    if (r.int(3) === 0) continue
    const child = names[t]
    const parent = names[r.int(t)]
    const column = `${parent}_id`
    tables.get(child)!.push(column)
    fks.push({ id: `${child}_${column}`, child, parent, column })
  }
  const perms: Perm[] = []
  for (const table of names) {
    const own = tables.get(table)!.filter((c) => c !== 'id')
    const col = r.pick(own)
    const perm: Perm = {
      table,
      columns: [`${table}.${col}`],
      rels: [],
      filter: { [col]: { _eq: 1 } },
      list: ['id'],
    }
    const listed = r.pick(own)
    perm.list.push(listed)
    perm.columns.push(`${table}.${listed}`)
    const out = fks.filter((f) => f.child === table)
    const inbound = fks.filter((f) => f.parent === table)
    if (out.length > 0 && r.int(2) === 0) {
      const fk = r.pick(out)
      const remoteCol = r.pick(tables.get(fk.parent)!.filter((c) => c !== 'id'))
      perm.filter = { _and: [perm.filter, { [`obj_${fk.id}`]: { [remoteCol]: { _eq: 1 } } }] }
      perm.rels.push(`obj:${fk.id}`)
      perm.columns.push(`${fk.parent}.${remoteCol}`)
    } else if (inbound.length > 0 && r.int(2) === 0) {
      const fk = r.pick(inbound)
      const remoteCol = r.pick(tables.get(fk.child)!.filter((c) => c !== 'id' && c !== fk.column))
      if (remoteCol) {
        perm.filter = { _or: [perm.filter, { [`arr_${fk.id}`]: { [remoteCol]: { _eq: 1 } } }] }
        perm.rels.push(`arr:${fk.id}`)
        perm.columns.push(`${fk.child}.${remoteCol}`)
      }
    }
    perms.push(perm)
  }
  return { tables, fks, perms }
}

function metadataOf(w: World) {
  return {
    version: 3,
    sources: [
      {
        name: 'default',
        kind: 'postgres',
        tables: [...w.tables.keys()].map((table) => ({
          table: { schema: 'public', name: table },
          object_relationships: w.fks
            .filter((f) => f.child === table)
            .map((f) => ({ name: `obj_${f.id}`, using: { foreign_key_constraint_on: f.column } })),
          array_relationships: w.fks
            .filter((f) => f.parent === table)
            .map((f) => ({
              name: `arr_${f.id}`,
              using: {
                foreign_key_constraint_on: { table: { schema: 'public', name: f.child }, column: f.column },
              },
            })),
          select_permissions: w.perms
            .filter((p) => p.table === table)
            .map((p) => ({ role: 'user', permission: { columns: p.list, filter: p.filter } })),
        })),
      },
    ],
  }
}

type Removal =
  | { kind: 'column'; table: string; column: string }
  | { kind: 'fk'; id: string }
  | { kind: 'table'; table: string }

function catalogOf(w: World, removal?: Removal): CatalogSnapshot {
  const relations = []
  for (const [table, columns] of w.tables) {
    if (removal?.kind === 'table' && removal.table === table) continue
    const spec: TableSpec = { columns: {}, primaryKey: ['id'], foreignKeys: [] }
    for (const c of columns) {
      if (removal?.kind === 'column' && removal.table === table && removal.column === c) continue
      spec.columns[c] = 'int4'
    }
    for (const f of w.fks.filter((x) => x.child === table)) {
      // Dropping a table drops the foreign keys that point at it (CASCADE), as PostgreSQL does.
      if (removal?.kind === 'fk' && removal.id === f.id) continue
      if (removal?.kind === 'table' && removal.table === f.parent) continue
      // …and dropping a column drops the foreign keys on it.
      if (removal?.kind === 'column' && removal.table === table && removal.column === f.column) continue
      spec.foreignKeys!.push({
        name: f.id,
        columns: [f.column],
        references: f.parent,
        referencedColumns: ['id'],
      })
    }
    relations.push(relation(table, spec))
  }
  return snapshot(relations)
}

/** The objects a removal must break, by `type name`. */
function expectedBroken(w: World, removal: Removal): string[] {
  const inTable = (type: string, name: string, table: string) =>
    `${type} ${name} in table ${table} in source default`
  const broken: string[] = []
  const brokenRels = new Set<string>()
  const gone = removal.kind === 'table' ? removal.table : undefined
  if (gone) broken.push(`table table ${gone} in source default`)
  for (const f of w.fks) {
    const fkGone =
      (removal.kind === 'fk' && removal.id === f.id) ||
      (removal.kind === 'column' && removal.table === f.child && removal.column === f.column) ||
      (gone !== undefined && f.parent === gone)
    const childGone = gone === f.child
    if (!childGone && fkGone) {
      brokenRels.add(`obj:${f.id}`)
      broken.push(`object_relation ${inTable('object_relation', `obj_${f.id}`, f.child)}`)
    }
    if (gone !== f.parent && (fkGone || childGone)) {
      brokenRels.add(`arr:${f.id}`)
      broken.push(`array_relation ${inTable('array_relation', `arr_${f.id}`, f.parent)}`)
    }
  }
  for (const p of w.perms) {
    if (p.table === gone) continue
    const usesColumn = removal.kind === 'column' && p.columns.includes(`${removal.table}.${removal.column}`)
    const usesRel = p.rels.some((r) => brokenRels.has(r))
    if (usesColumn || usesRel)
      broken.push(`select_permission ${inTable('select_permission', 'user', p.table)}`)
  }
  return broken.sort()
}

function removals(w: World): Removal[] {
  const out: Removal[] = []
  const referenced = new Set(w.perms.flatMap((p) => p.columns))
  for (const item of referenced) {
    const [table, column] = item.split('.')
    out.push({ kind: 'column', table, column })
  }
  for (const f of w.fks) out.push({ kind: 'fk', id: f.id })
  for (const table of w.tables.keys()) out.push({ kind: 'table', table })
  return out
}

describe('verifyMetadata on generated projects', () => {
  it('a consistent project verifies clean', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const w = world(seed)
        const result = verifyMetadata(metadataOf(w), new Map([['default', catalogOf(w)]]))
        expect(result.problems).toEqual([])
      }),
      { numRuns: 200 },
    )
  })

  it('removing one referenced column, foreign key or table yields exactly the problems it causes', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const w = world(seed)
        for (const removal of removals(w)) {
          const result = verifyMetadata(metadataOf(w), new Map([['default', catalogOf(w, removal)]]))
          const got = result.problems.map((p) => `${p.type} ${p.name}`).sort()
          expect(got, JSON.stringify(removal)).toEqual(expectedBroken(w, removal))
          for (const p of result.problems) expect(p.reason).toMatch(/^Inconsistent object: \S/)
        }
      }),
      { numRuns: 100 },
    )
  })
})
