import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UserError } from '../../../src/errors.js'
import { listDatabases, readMigrations } from '../../../src/project/migrations.js'
import type { Migration, SqlFile } from '../../../src/project/types.js'
import { configFor, errorOf, tempProject } from './temp-project.js'

const versions = (ms: Migration[]) => ms.map((m) => m.version)
/** A scanned file's fields as plain data (the text is read on first use, through an accessor). */
const fileOf = (f: SqlFile | undefined) =>
  f && { path: f.path, text: f.text, noTransaction: f.noTransaction, size: f.size }

describe('readMigrations: layouts and names (config 2/3)', () => {
  it('mixes flat files and version directories, sorted numerically', () => {
    const dir = tempProject({
      'migrations/default/20_b.up.sql': 'select 20;',
      'migrations/default/20_b.down.sql': 'select -20;',
      'migrations/default/3_a/up.sql': 'select 3;',
      'migrations/default/3_a/down.sql': 'select -3;',
      'migrations/default/100_c/up.sql': 'select 100;',
    })
    const db = readMigrations(configFor(dir, 3), 'default')
    expect(db.name).toBe('default')
    expect(db.directory).toBe('migrations/default')
    expect(versions(db.migrations)).toEqual([3n, 20n, 100n])
    const [three, twenty, hundred] = db.migrations
    expect({
      ...three,
      up: { sql: fileOf(three?.up?.sql) },
      down: { sql: fileOf(three?.down?.sql) },
    }).toEqual({
      database: 'default',
      version: 3n,
      name: 'a',
      up: {
        sql: { path: 'migrations/default/3_a/up.sql', text: 'select 3;', noTransaction: false, size: 9 },
      },
      down: {
        sql: { path: 'migrations/default/3_a/down.sql', text: 'select -3;', noTransaction: false, size: 10 },
      },
    })
    expect(twenty?.up?.sql?.path).toBe('migrations/default/20_b.up.sql')
    expect(twenty?.down?.sql?.path).toBe('migrations/default/20_b.down.sql')
    expect(hundred?.down).toBeUndefined()
  })

  it('config 1/2 read the migrations directory itself and call the database default', () => {
    const dir = tempProject({ 'migrations/1_a.up.sql': 'select 1;' })
    const db = readMigrations(configFor(dir, 2), 'default')
    expect(db.directory).toBe('migrations')
    expect(db.migrations[0]?.up?.sql?.path).toBe('migrations/1_a.up.sql')
    expect(listDatabases(configFor(dir, 2))).toEqual(['default'])
    expect(listDatabases(configFor(dir, 1))).toEqual(['default'])
  })

  it('keeps names with spaces, dots, dashes, plus signs and unicode', () => {
    const dir = tempProject({
      'migrations/1_get stats returns temp table fix/up.sql': 'select 1;',
      'migrations/2_populate_school_list.district_id_column/up.sql': 'select 2;',
      'migrations/3_f-o_ob+ar.up.sql': 'select 3;',
      'migrations/4_création_表/up.sql': 'select 4;',
      'migrations/5_a.up.sql.down.sql': 'select 5;',
    })
    const ms = readMigrations(configFor(dir, 2), 'default').migrations
    expect(ms.map((m) => [m.version, m.name])).toEqual([
      [1n, 'get stats returns temp table fix'],
      [2n, 'populate_school_list.district_id_column'],
      [3n, 'f-o_ob+ar'],
      [4n, 'création_表'],
      [5n, 'a.up.sql'], // greedy name, as Go's regexp: the last .down.sql is the direction
    ])
    expect(ms[4]?.down?.sql?.path).toBe('migrations/5_a.up.sql.down.sql')
    expect(ms[3]?.up?.sql?.path).toBe('migrations/4_création_表/up.sql')
  })

  it('parses versions as unsigned 64-bit decimals: leading zeros dropped, 19-20 digits kept, larger ignored', () => {
    const dir = tempProject({
      'migrations/0999_lead/up.sql': 'select 1;',
      'migrations/0001_one.up.sql': 'select 1;',
      'migrations/9223372036854775807_max_bigint/up.sql': 'select 1;',
      'migrations/9223372036854775808_over_bigint/up.sql': 'select 1;',
      'migrations/18446744073709551615_max_uint64/up.sql': 'select 1;',
      'migrations/18446744073709551616_over_uint64/up.sql': 'select 1;',
      'migrations/99999999999999999999999_way_over.up.sql': 'select 1;',
    })
    const ms = readMigrations(configFor(dir, 2), 'default').migrations
    expect(versions(ms)).toEqual([
      1n,
      999n,
      9223372036854775807n,
      9223372036854775808n,
      18446744073709551615n,
    ])
    expect(ms[1]?.name).toBe('lead')
  })

  it('0-byte files do not exist; whitespace-only files do', () => {
    const dir = tempProject({
      'migrations/1_empty/up.sql': '',
      'migrations/1_empty/down.sql': '',
      'migrations/2_half/up.sql': 'select 2;',
      'migrations/2_half/down.sql': '',
      'migrations/3_blank/up.sql': '\n',
    })
    const ms = readMigrations(configFor(dir, 2), 'default').migrations
    expect(versions(ms)).toEqual([2n, 3n])
    expect(ms[0]?.down).toBeUndefined()
    expect(ms[1]?.up?.sql?.text).toBe('\n')
  })

  it('keeps down-only and up-only versions', () => {
    const dir = tempProject({
      'migrations/1_up_only/up.sql': 'select 1;',
      'migrations/2_down_only/down.sql': 'select 2;',
    })
    const ms = readMigrations(configFor(dir, 2), 'default').migrations
    expect(ms.map((m) => [m.version, !!m.up, !!m.down])).toEqual([
      [1n, true, false],
      [2n, false, true],
    ])
  })

  it('merges halves of one version found under different names, naming it after the up file', () => {
    const dir = tempProject({
      'migrations/7_zz_down_name.down.sql': 'select -7;',
      'migrations/7_aa_up_name/up.sql': 'select 7;',
    })
    const [m] = readMigrations(configFor(dir, 2), 'default').migrations
    expect(m?.name).toBe('aa_up_name')
    expect(m?.up?.sql?.path).toBe('migrations/7_aa_up_name/up.sql')
    expect(m?.down?.sql?.path).toBe('migrations/7_zz_down_name.down.sql')
  })

  it('silently ignores what is not a migration; skips sub-directories of version directories', () => {
    const dir = tempProject({
      'migrations/README.md': '# notes',
      'migrations/metadata.yaml': 'version: 2',
      'migrations/.gitkeep': 'x',
      'migrations/1_foobar.sql': 'select 1;',
      'migrations/1_foobar.up': 'select 1;',
      'migrations/1.up.sql': 'select 1;',
      'migrations/-1_foobar.up.sql': 'select 1;',
      'migrations/foobar.up.sql': 'select 1;',
      'migrations/2_x.up.yaml': '- type: run_sql\n  args: {sql: select 1}\n',
      'migrations/3_real/up.sql': 'select 3;',
      'migrations/3_real/notes.txt': 'hello',
      'migrations/3_real/nested/up.sql': 'select 33;',
      'migrations/3_real/nested/4_deep.up.sql': 'select 4;',
      'migrations/squashed_1_to_2/5_moved/up.sql': 'select 5;',
      'migrations/dump.sql': 'select 0;',
    })
    const ms = readMigrations(configFor(dir, 2), 'default').migrations
    expect(versions(ms)).toEqual([3n])
    expect(ms[0]?.up?.sql?.text).toBe('select 3;')
  })

  it('marks files whose first line is the no-transaction marker, keeping BOM and CRLF text exactly', () => {
    const withBom = '\uFEFF-- hasura:no-transaction\r\nCREATE INDEX CONCURRENTLY i ON t (c);\r\n'
    const dir = tempProject({
      'migrations/1_idx/up.sql': withBom,
      'migrations/1_idx/down.sql': 'select 1;\n-- hasura:no-transaction\n',
    })
    const [m] = readMigrations(configFor(dir, 2), 'default').migrations
    expect(fileOf(m?.up?.sql)).toEqual({
      path: 'migrations/1_idx/up.sql',
      text: withBom,
      noTransaction: true,
      size: Buffer.byteLength(withBom),
    })
    expect(m?.down?.sql?.noTransaction).toBe(false)
  })

  it('reads migrations at any depth of the configured migrations directory', () => {
    const dir = tempProject({ 'db/hasura/migrations/generic/main/1_a/up.sql': 'select 1;' })
    const config = configFor(dir, 3, { migrationsDirectory: 'db/hasura/migrations/generic' })
    expect(listDatabases(config)).toEqual(['main'])
    expect(readMigrations(config, 'main').migrations[0]?.up?.sql?.path).toBe(
      'db/hasura/migrations/generic/main/1_a/up.sql',
    )
  })
})

describe('readMigrations: config 1', () => {
  it('reads .yaml steps with their lines and .sql files; 2/3 ignore .yaml', () => {
    const upYaml = [
      '- args:',
      '    sql: CREATE TABLE t (id int);',
      '  type: run_sql',
      '- type: add_existing_table_or_view',
      '  args:',
      '    name: t',
      '    schema: public',
    ].join('\n')
    const dir = tempProject({
      'migrations/1_t/up.yaml': upYaml,
      'migrations/1_t/down.yaml': '- {type: run_sql, args: {sql: DROP TABLE t}}\n',
      'migrations/1_t/up.sql': 'select 1;',
      'migrations/2_flat.up.yaml': '# leading comment\n\n- type: run_sql\n  args: {sql: select 2}\n',
      'migrations/3_empty.up.yaml': '[]\n',
      'migrations/4_blank.up.yaml': '# nothing here\n',
    })
    const ms = readMigrations(configFor(dir, 1), 'default').migrations
    expect(versions(ms)).toEqual([1n, 2n])
    expect(ms[0]?.up?.yaml).toEqual({
      path: 'migrations/1_t/up.yaml',
      steps: [
        { type: 'run_sql', args: { sql: 'CREATE TABLE t (id int);' }, line: 1 },
        { type: 'add_existing_table_or_view', args: { name: 't', schema: 'public' }, line: 4 },
      ],
    })
    expect(ms[0]?.up?.sql?.text).toBe('select 1;')
    expect(ms[0]?.down?.yaml?.steps).toEqual([{ type: 'run_sql', args: { sql: 'DROP TABLE t' }, line: 1 }])
    expect(ms[1]?.up?.yaml?.steps[0]?.line).toBe(3)

    const v2 = readMigrations(configFor(dir, 2), 'default').migrations
    expect(versions(v2)).toEqual([1n])
    expect(v2[0]?.up?.yaml).toBeUndefined()
    expect(v2[0]?.down).toBeUndefined()
  })

  it('invalid YAML fails with the file and line', () => {
    const dir = tempProject({
      'migrations/1_bad/up.yaml': '- type: run_sql\n  args: {sql: [unclosed\n- type: x\n',
    })
    const e = errorOf(() => readMigrations(configFor(dir, 1), 'default'))
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toMatch(/^migrations\/1_bad\/up\.yaml:\d+: invalid YAML/)
    expect(e.where).toMatchObject({ file: 'migrations/1_bad/up.yaml', database: 'default', version: '1' })
    expect(e.where?.line).toBeGreaterThanOrEqual(2)
  })

  it('a step without a type fails with its line; a mapping instead of a list fails', () => {
    const noType = tempProject({
      'migrations/1_x/up.yaml': '- type: run_sql\n  args: {}\n- args: {sql: x}\n',
    })
    const e = errorOf(() => readMigrations(configFor(noType, 1), 'default'))
    expect(e.where).toMatchObject({ file: 'migrations/1_x/up.yaml', line: 3 })
    const mapping = tempProject({ 'migrations/1_x/up.yaml': 'type: run_sql\n' })
    expect(errorOf(() => readMigrations(configFor(mapping, 1), 'default')).message).toContain(
      'expected a list',
    )
  })
})

describe('readMigrations: failures the CLI shares', () => {
  it('two files with the same version and direction fail, naming both paths', () => {
    const dir = tempProject({
      'migrations/default/123_a/up.sql': 'select 1;',
      'migrations/default/123_b/up.sql': 'select 2;',
    })
    const e = errorOf(() => readMigrations(configFor(dir, 3), 'default'))
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toContain('found duplicate migrations for version 123')
    expect(e.message).toContain('migrations/default/123_a/up.sql')
    expect(e.message).toContain('migrations/default/123_b/up.sql')
    expect(e.where).toMatchObject({ database: 'default', version: '123' })
  })

  it('duplicates across layouts and leading zeros too (1_a.up.sql and 01_b.up.sql)', () => {
    const dir = tempProject({ 'migrations/1_a.up.sql': 'select 1;', 'migrations/01_b/up.sql': 'select 2;' })
    const e = errorOf(() => readMigrations(configFor(dir, 2), 'default'))
    expect(e.message).toMatch(
      /found duplicate migrations for version 1: .*01_b\/up\.sql.*1_a\.up\.sql|1_a\.up\.sql.*01_b\/up\.sql/,
    )
  })

  it('a 0-byte duplicate is not a duplicate (it does not exist)', () => {
    const dir = tempProject({ 'migrations/1_a/up.sql': 'select 1;', 'migrations/1_b/up.sql': '' })
    expect(versions(readMigrations(configFor(dir, 2), 'default').migrations)).toEqual([1n])
  })

  it('config 3: a missing database directory fails naming the expected directory', () => {
    const dir = tempProject({ 'migrations/default/1_a/up.sql': 'select 1;' })
    const e = errorOf(() => readMigrations(configFor(dir, 3), 'main'))
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toContain("database 'main'")
    expect(e.message).toContain('expected migrations/main')
    expect(e.where).toMatchObject({ file: 'migrations/main', database: 'main' })
  })

  it('config 3 refuses database names that are paths', () => {
    const dir = tempProject({ 'migrations/default/1_a/up.sql': 'select 1;' })
    for (const bad of ['..', '../x', 'a/b', '']) {
      expect(errorOf(() => readMigrations(configFor(dir, 3), bad)).where).toMatchObject({ input: 'database' })
    }
  })

  it('config 1/2: no migrations directory means no migrations (the CLI creates it)', () => {
    const dir = tempProject({ 'config.yaml': 'version: 2\n' })
    expect(readMigrations(configFor(dir, 2), 'default').migrations).toEqual([])
  })

  it('invalid UTF-8 fails naming the file, when the file is first read', () => {
    const dir = tempProject({
      'migrations/1_ok/up.sql': 'select 1;',
      'migrations/2_latin1/up.sql': Buffer.from([0x73, 0x65, 0x6c, 0xe9, 0x63, 0x74, 0x3b]),
    })
    // the scan only sizes files; the content is read (and checked) when a plan or a target needs it
    const db = readMigrations(configFor(dir, 2), 'default')
    expect(db.migrations[0].up!.sql!.text).toBe('select 1;')
    const e = errorOf(() => db.migrations[1].up!.sql!.text)
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toBe('migrations/2_latin1/up.sql is not valid UTF-8 text')
    expect(e.where).toMatchObject({ file: 'migrations/2_latin1/up.sql', version: '2' })
  })

  it('an unreadable file fails naming it', () => {
    if (process.getuid?.() === 0) return // root reads anything
    const dir = tempProject({ 'migrations/1_a/up.sql': 'select 1;' })
    chmodSync(join(dir, 'migrations/1_a/up.sql'), 0o000)
    expect(errorOf(() => readMigrations(configFor(dir, 2), 'default')).message).toContain('permission denied')
  })
})

describe('readMigrations: symbolic links', () => {
  it('follows links to version directories and to files', () => {
    const dir = tempProject({
      'shared/1_shared/up.sql': 'select 1;',
      'shared/two.sql': 'select 2;',
      'migrations/1_shared': { symlink: '../shared/1_shared' },
      'migrations/2_linked.up.sql': { symlink: '../shared/two.sql' },
      'migrations/3_dir/up.sql': { symlink: '../../shared/two.sql' },
    })
    const ms = readMigrations(configFor(dir, 2), 'default').migrations
    expect(versions(ms)).toEqual([1n, 2n, 3n])
    expect(ms[0]?.up?.sql?.path).toBe('migrations/1_shared/up.sql')
    expect(ms[1]?.up?.sql?.text).toBe('select 2;')
    expect(ms[2]?.up?.sql?.text).toBe('select 2;')
  })

  it('a symlink loop fails at once, naming the link', () => {
    const dir = tempProject({
      'migrations/1_a/up.sql': 'select 1;',
      'migrations/2_loop': { symlink: '2_loop' },
    })
    const e = errorOf(() => readMigrations(configFor(dir, 2), 'default'))
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toContain('migrations/2_loop')
    expect(e.message).toContain('symbolic link loop')
  })

  it('a two-link loop inside a version directory fails naming the file', () => {
    const dir = tempProject({
      'migrations/1_a/up.sql': { symlink: 'down.sql' },
      'migrations/1_a/down.sql': { symlink: 'up.sql' },
    })
    const e = errorOf(() => readMigrations(configFor(dir, 2), 'default'))
    expect(e.message).toMatch(/migrations\/1_a\/(up|down)\.sql: symbolic link loop/)
  })

  it('a dangling link fails like the CLI (filepath.EvalSymlinks)', () => {
    const dir = tempProject({ 'migrations/5_gone': { symlink: 'nowhere' } })
    expect(errorOf(() => readMigrations(configFor(dir, 2), 'default')).message).toContain('migrations/5_gone')
  })
})

describe('listDatabases (config 3)', () => {
  it('lists sub-directories in name order, skipping files and hidden directories, following links', () => {
    const dir = tempProject({
      'migrations/timetables/1_a/up.sql': 'x',
      'migrations/default/1_a/up.sql': 'x',
      'migrations/main/.keep': '',
      'migrations/.git/HEAD': 'x',
      'migrations/README.md': 'x',
      'other/linked/1_a/up.sql': 'x',
      'migrations/linked': { symlink: '../other/linked' },
      'migrations/s 3/1_a/up.sql': 'x',
    })
    expect(listDatabases(configFor(dir, 3))).toEqual(['default', 'linked', 'main', 's 3', 'timetables'])
  })

  it('no migrations directory: no databases', () => {
    expect(listDatabases(configFor(tempProject({ 'config.yaml': '' }), 3))).toEqual([])
  })
})

describe('readMigrations: a 10,000-migration project', () => {
  it('reads every migration (timing printed for the lead, not asserted)', () => {
    const dir = tempProject({})
    const db = join(dir, 'migrations', 'default')
    mkdirSync(db, { recursive: true })
    const base = 1700000000000n
    for (let i = 0; i < 10_000; i++) {
      const v = join(db, `${base + BigInt(i)}_create_table_t${i}`)
      mkdirSync(v)
      writeFileSync(join(v, 'up.sql'), `CREATE TABLE t${i} (id serial primary key, name text not null);\n`)
      if (i % 10 !== 0) writeFileSync(join(v, 'down.sql'), `DROP TABLE t${i};\n`)
    }
    const config = configFor(dir, 3)
    readMigrations(config, 'default') // warm the page cache the way a second read on a runner would be
    const started = performance.now()
    const result = readMigrations(config, 'default')
    const ms = performance.now() - started
    console.log(`readMigrations: 10,000 migrations (19,000 files) read and scanned in ${ms.toFixed(0)} ms`)
    expect(result.migrations).toHaveLength(10_000)
    expect(result.migrations[0]?.version).toBe(base)
    expect(result.migrations[9_999]?.version).toBe(base + 9_999n)
    expect(result.migrations.filter((m) => m.down).length).toBe(9_000)
    expect(result.migrations[4_321]?.up?.sql?.text).toContain('CREATE TABLE t4321 ')
  })
})
