/**
 * The verified schema's digests: equal for what the drift check would find equal, different for what it
 * compares (a column) and for any change of the replayed files (a version, a byte of a file).
 */
import { describe, expect, it } from 'vitest'
import type { CatalogRelation, CatalogSnapshot } from '../../../src/catalog/types.js'
import { appliedSetDigest, schemaDigest } from '../../../src/drift/schema-digest.js'

const table = (schema: string, name: string, columns: string[]): CatalogRelation => ({
  schema,
  name,
  kind: 'table',
  columns: columns.map((c) => ({
    name: c,
    type: 'integer',
    typeRef: { schema: 'pg_catalog', name: 'int4' },
    nullable: true,
  })),
  constraints: [],
  indexes: [],
  triggers: [],
})

const snapshot = (relations: CatalogRelation[], serverVersion = 150018): CatalogSnapshot => ({
  serverVersion,
  schemas: ['public'],
  relations,
  functions: [],
  enums: [],
  sequences: [],
  extensions: [{ name: 'plpgsql', schema: 'pg_catalog', version: '1.0' }],
})

describe('schemaDigest', () => {
  const users = table('public', 'users', ['id'])

  it('ignores the server version and what Hasura and the action own', () => {
    const base = schemaDigest(snapshot([users]))
    expect(schemaDigest(snapshot([users], 170002))).toBe(base)
    const withLedger = snapshot([users, table('hasura_migrate_action', 'ledger', ['version'])])
    withLedger.schemas.push('hasura_migrate_action', 'hdb_catalog')
    expect(schemaDigest(withLedger)).toBe(base)
  })

  it('differs for a column added by hand', () => {
    expect(schemaDigest(snapshot([table('public', 'users', ['id', 'hand_added'])]))).not.toBe(
      schemaDigest(snapshot([users])),
    )
  })
})

describe('appliedSetDigest', () => {
  const files = [
    { version: 1n, text: 'CREATE TABLE users (id int);' },
    { version: 2n, text: 'CREATE TABLE posts (id int);' },
  ]

  it('is the same for the same files, and differs for an edit, a version more or a version renumbered', () => {
    const base = appliedSetDigest(files)
    expect(appliedSetDigest(files.map((f) => ({ ...f })))).toBe(base)
    expect(appliedSetDigest([files[0], { ...files[1], text: `${files[1].text} ` }])).not.toBe(base)
    expect(appliedSetDigest([files[0]])).not.toBe(base)
    expect(appliedSetDigest([files[0], { ...files[1], version: 3n }])).not.toBe(base)
  })
})
