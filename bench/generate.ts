/** Generated projects for the benchmarks: n migrations, each a table with a serial key, an index and 3 rows. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const BASE_VERSION = 1_600_000_000_000n

export function migrationSql(i: number): { up: string; down: string } {
  const t = `bench_t${String(i).padStart(5, '0')}`
  return {
    up:
      `CREATE TABLE public.${t} (id serial PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());\n` +
      `CREATE INDEX ${t}_name_idx ON public.${t} (name);\n` +
      `INSERT INTO public.${t} (name) VALUES ('a'), ('b'), ('c');\n`,
    down: `DROP TABLE public.${t};\n`,
  }
}

export const versionOf = (i: number): bigint => BASE_VERSION + BigInt(i) * 1000n

/** A config-3 Hasura project with one database `default` and n directory-layout migrations. */
export function generateHasuraProject(dir: string, n: number): void {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'migrations', 'default'), { recursive: true })
  writeFileSync(join(dir, 'config.yaml'), 'version: 3\n')
  for (let i = 0; i < n; i++) {
    const m = join(dir, 'migrations', 'default', `${versionOf(i)}_create_bench_t${i}`)
    mkdirSync(m)
    const { up, down } = migrationSql(i)
    writeFileSync(join(m, 'up.sql'), up)
    writeFileSync(join(m, 'down.sql'), down)
  }
}

/** The same migrations as one file, for `psql -1 -f` (the floor). */
export function generatePsqlFile(file: string, n: number): void {
  const parts: string[] = []
  for (let i = 0; i < n; i++) parts.push(migrationSql(i).up)
  writeFileSync(file, parts.join(''))
}

/** node-pg-migrate's SQL migration format. */
export function generateNodePgMigrate(dir: string, n: number): void {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (let i = 0; i < n; i++) {
    const { up, down } = migrationSql(i)
    writeFileSync(
      join(dir, `${versionOf(i)}_bench_t${i}.sql`),
      `-- Up Migration\n${up}\n-- Down Migration\n${down}`,
    )
  }
}

/** dbmate's format: db/migrations/<version>_<name>.sql with migrate:up / migrate:down. */
export function generateDbmate(dir: string, n: number): void {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (let i = 0; i < n; i++) {
    const { up, down } = migrationSql(i)
    writeFileSync(
      join(dir, `${versionOf(i)}_bench_t${i}.sql`),
      `-- migrate:up\n${up}\n-- migrate:down\n${down}`,
    )
  }
}
