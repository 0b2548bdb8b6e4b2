/** Builders for the safety rules' tests: one file's SQL linted alone, and small catalog snapshots. */
import type {
  CatalogColumn,
  CatalogConstraint,
  CatalogRelation,
  CatalogSnapshot,
} from '../../../src/catalog/types.js'
import { lintMigrations, type DatabaseObject, type SafetyFinding } from '../../../src/review/safety/index.js'

export const FILE = 'migrations/default/1_m/up.sql'

export interface LintOptions {
  catalog?: CatalogSnapshot
  referenced?: (object: DatabaseObject) => boolean
}

/** Lints one file (database `default`, version 1). */
export function lintOne(sql: string, options: LintOptions = {}): Promise<SafetyFinding[]> {
  return lintFiles([sql], options)
}

/** Lints files in order: versions 1, 2, … of database `default`. */
export function lintFiles(sqls: string[], options: LintOptions = {}): Promise<SafetyFinding[]> {
  const { catalog, referenced } = options
  return lintMigrations(
    sqls.map((sql, i) => ({
      database: 'default',
      version: BigInt(i + 1),
      file: `migrations/default/${i + 1}_m/up.sql`,
      sql,
    })),
    {
      ...(catalog ? { catalogBefore: new Map([['default', catalog]]) } : {}),
      ...(referenced ? { referenced: (_db: string, o: DatabaseObject) => referenced(o) } : {}),
    },
  )
}

/** `rule@line`, silenced ones marked: what most tests compare. */
export const brief = (findings: SafetyFinding[]): string[] =>
  findings.map((f) => `${f.rule}@${f.line}${f.silenced ? ' (silenced)' : ''}`)

export function column(name: string, type: string, nullable = true): CatalogColumn {
  return { name, type, typeRef: { schema: 'pg_catalog', name: type }, nullable }
}

export function relation(
  name: string,
  columns: CatalogColumn[],
  constraints: CatalogConstraint[] = [],
  schema = 'public',
): CatalogRelation {
  return { schema, name, kind: 'table', columns, constraints, indexes: [], triggers: [] }
}

export function catalog(relations: CatalogRelation[], schemas = ['public']): CatalogSnapshot {
  return {
    serverVersion: 150004,
    schemas,
    relations,
    functions: [],
    enums: [],
    sequences: [],
    extensions: [],
  }
}
