/**
 * The metadata diff on the real projects of the corpus, read through git: each project's metadata is
 * committed twice into a fresh repository — first with one table untracked, one role's select
 * permission revoked and one column taken out of another permission (the files re-written by a YAML
 * dumper, so their formatting changes too), then as the project has it — and the diff between the two
 * commits, read with `readBaseMetadata`, must name exactly those objects.
 *
 * The expected objects are read from the project's YAML files here, not through the code under test.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dump, load } from 'js-yaml'
import { afterAll, expect, it } from 'vitest'
import { readBaseMetadata } from '../../../src/github/base-metadata.js'
import { buildMetadata, readConfig } from '../../../src/project/index.js'
import { allChanges, diffMetadata, type MetadataChanges } from '../../../src/review/metadata-diff.js'
import { commit, git } from '../../support/git-repo.js'
import { corpusDir, describeShared, hasShared } from '../../support/shared.js'

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

type Entry = Record<string, unknown>
const isEntry = (v: unknown): v is Entry => typeof v === 'object' && v !== null && !Array.isArray(v)
const PERMISSIONS = ['select', 'insert', 'update', 'delete'] as const

/** `schema.name` of a table entry as written (a bare name is in `public`). */
function tableName(entry: Entry): string {
  const t = entry.table
  if (typeof t === 'string') return `public.${t}`
  const { schema, name } = t as { schema?: string; name: string }
  return `${schema ?? 'public'}.${name}`
}

const names = (entry: Entry, key: string): string[] =>
  Array.isArray(entry[key]) ? (entry[key] as Entry[]).map((x) => String(x.name ?? x.role)) : []

/** What tracking this table entry adds: the table and everything on it, as `kind name change`. */
function addedWith(entry: Entry): string[] {
  const t = tableName(entry)
  const lines = [`table ${t} added`]
  for (const rel of names(entry, 'object_relationships')) lines.push(`object_relationship ${t}.${rel} added`)
  for (const rel of names(entry, 'array_relationships')) lines.push(`array_relationship ${t}.${rel} added`)
  for (const rel of names(entry, 'remote_relationships')) lines.push(`remote_relationship ${t}.${rel} added`)
  for (const f of names(entry, 'computed_fields')) lines.push(`computed_field ${t}.${f} added`)
  for (const op of PERMISSIONS)
    for (const role of names(entry, `${op}_permissions`))
      lines.push(`${op}_permission ${t}/${role} added WIDENS`)
  for (const trigger of names(entry, 'event_triggers')) lines.push(`event_trigger ${t}.${trigger} added`)
  return lines
}

/** A table file (or config 2 list entry) the test edits, and how to write it back. */
interface TableSlot {
  entry: Entry
  save(entry: Entry): void
}

interface Layout {
  /** The source the tables belong to. */
  source: string
  slots: TableSlot[]
  /** Untracks the table of `slot`. */
  untrack(slot: TableSlot): void
}

const dumpYaml = (value: unknown) => dump(value, { lineWidth: -1, noRefs: true, sortKeys: true })

/** Config 2: one `tables.yaml` list. */
function config2Layout(metadataDir: string): Layout {
  const file = join(metadataDir, 'tables.yaml')
  const tables = (load(readFileSync(file, 'utf8')) as Entry[]).filter(isEntry)
  const save = () => writeFileSync(file, dumpYaml(tables))
  return {
    source: 'default',
    slots: tables.map((entry) => ({
      entry,
      save: (e: Entry) => {
        tables[tables.indexOf(entry)] = e
        save()
      },
    })),
    untrack: (slot) => {
      tables.splice(tables.indexOf(slot.entry), 1)
      save()
    },
  }
}

/** Config 3: the source with the most tables, one included file per table. */
function config3Layout(metadataDir: string): Layout | undefined {
  const databases = join(metadataDir, 'databases')
  const sources = load(readFileSync(join(databases, 'databases.yaml'), 'utf8')) as Entry[]
  let best: Layout | undefined
  for (const source of sources) {
    if (typeof source.tables !== 'string') continue
    const listFile = join(databases, source.tables.replace(/^!include\s+/, '').replace(/"/g, ''))
    const lines = readFileSync(listFile, 'utf8').split('\n')
    const includes = lines.filter((l) => l.includes('!include'))
    const dir = join(listFile, '..')
    const slots = includes.map((line) => {
      const path = join(
        dir,
        line
          .replace(/^.*!include\s+/, '')
          .replace(/"/g, '')
          .trim(),
      )
      return {
        line,
        entry: load(readFileSync(path, 'utf8')) as Entry,
        save: (e: Entry) => writeFileSync(path, dumpYaml(e)),
      }
    })
    if (best && best.slots.length >= slots.length) continue
    best = {
      source: String(source.name),
      slots,
      untrack: (slot) => {
        const line = (slot as (typeof slots)[number]).line
        writeFileSync(listFile, lines.filter((l) => l !== line).join('\n'))
      },
    }
  }
  return best
}

/** Edits the copy into the "before" state; the changes the diff before → after must report. */
function removeSome(layout: Layout): string[] {
  const expected: string[] = []
  const [untracked, ...rest] = layout.slots
  layout.untrack(untracked)
  expected.push(...addedWith(untracked.entry))

  const withSelect = rest.find((s) => names(s.entry, 'select_permissions').length > 0)
  if (withSelect) {
    const perms = withSelect.entry.select_permissions as Entry[]
    const revoked = perms.at(-1)!
    withSelect.save({ ...withSelect.entry, select_permissions: perms.slice(0, -1) })
    expected.push(`select_permission ${tableName(withSelect.entry)}/${String(revoked.role)} added WIDENS`)
  }
  for (const slot of rest.filter((s) => s !== withSelect)) {
    const perms = (slot.entry.select_permissions ?? []) as Entry[]
    const i = perms.findIndex((p) => {
      const columns = (p.permission as Entry).columns
      return Array.isArray(columns) && columns.length >= 2
    })
    if (i < 0) continue
    const permission = perms[i].permission as Entry
    const columns = permission.columns as string[]
    const edited = perms.map((p, j) =>
      j === i ? { ...p, permission: { ...permission, columns: columns.slice(0, -1) } } : p,
    )
    slot.save({ ...slot.entry, select_permissions: edited })
    expected.push(`select_permission ${tableName(slot.entry)}/${String(perms[i].role)} changed WIDENS`)
    break
  }
  return expected.sort()
}

const lines = (changes: MetadataChanges) =>
  allChanges(changes).map((c) => `${c.kind} ${c.name} ${c.change}${c.widens ? ' WIDENS' : ''}`)

const projects = hasShared
  ? readdirSync(corpusDir()).filter((name) => existsSync(join(corpusDir(name), 'SOURCE.txt')))
  : []

describeShared('metadata diff of the corpus projects, between commits read through git', () => {
  it('finds every corpus project', () => {
    expect(projects.length).toBeGreaterThanOrEqual(7)
  })

  it.each(projects)('%s', async (name) => {
    const source = corpusDir(name)
    const repo = mkdtempSync(join(tmpdir(), 'hma-mdiff-corpus-'))
    made.push(repo)
    git(repo, 'init', '-q', '-b', 'main')
    const project = join(repo, 'hasura')
    // the project configures the CLI by environment: the config it would need is written here
    const hasConfig = existsSync(join(source, 'config.yaml'))
    const config = hasConfig ? readConfig(source, {}) : undefined
    cpSync(hasConfig ? join(source, 'config.yaml') : '/dev/null', join(project, 'config.yaml'))
    if (!hasConfig) writeFileSync(join(project, 'config.yaml'), 'version: 2\n')
    const version = config?.version ?? 2
    const metadataRel = config?.metadataDirectory ?? 'metadata'
    const fromDir = version === 1 ? config!.migrationsDirectory : metadataRel
    if (existsSync(join(source, fromDir)))
      cpSync(join(source, fromDir), join(project, fromDir), { recursive: true })
    const original = commit(repo, 'as the project has it')
    const current = await buildMetadata(readConfig(project, {}))

    if (!current) {
      // config 1 without migrations/metadata.yaml: nothing to compare, at any commit
      const base = await readBaseMetadata({ projectDir: project, commit: original, env: {} })
      expect(base.metadata).toBeUndefined()
      expect(diffMetadata(base.metadata, undefined)).toEqual({ sources: [], global: [] })
      return
    }

    const metadataDir = join(project, metadataRel)
    const layout = version === 2 ? config2Layout(metadataDir) : config3Layout(metadataDir)
    expect(layout?.slots.length).toBeGreaterThan(1)
    const expected = removeSome(layout!)
    const reduced = commit(repo, 'some tables and permissions removed')
    git(repo, 'checkout', '-q', original, '--', '.')
    const full = commit(repo, 'back as the project has it')
    const status = () => git(repo, 'status', '--porcelain')
    const head = git(repo, 'rev-parse', 'HEAD')

    const before = await readBaseMetadata({ projectDir: project, commit: reduced, env: {} })
    const after = await readBaseMetadata({ projectDir: project, commit: full, env: {} })
    const changes = diffMetadata(before.metadata, after.metadata)
    expect(lines(changes).sort()).toEqual(expected)
    expect(changes.sources.map((s) => s.source)).toEqual([layout!.source])
    expect(diffMetadata(before.metadata, after.metadata)).toEqual(changes) // stable
    expect(lines(diffMetadata(after.metadata, before.metadata)).sort()).toEqual(
      expected
        .map((l) =>
          l.replace(/ (added|changed)( WIDENS)?$/, (_m, c: string) =>
            c === 'added' ? ' removed' : ' changed',
          ),
        )
        .sort(),
    )

    // what git gives at the full commit is what the checkout builds; each against itself is empty
    expect(after.metadata).toEqual(current.metadata)
    expect(diffMetadata(after.metadata, current.metadata)).toEqual({ sources: [], global: [] })
    expect(diffMetadata(before.metadata, before.metadata)).toEqual({ sources: [], global: [] })
    // and the checkout was not touched
    expect(status()).toBe('')
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head)
  })
})
