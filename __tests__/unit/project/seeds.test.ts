import { describe, expect, it } from 'vitest'
import { UserError } from '../../../src/errors.js'
import { listSeeds } from '../../../src/project/seeds.js'
import { configFor, errorOf, tempProject } from './temp-project.js'

describe('listSeeds', () => {
  const project = () =>
    tempProject({
      'seeds/default/b_second.sql': 'insert into t values (2);',
      'seeds/default/a_first.SQL': 'insert into t values (1);',
      'seeds/default/c_dir/a_nested.sql': '-- hasura:no-transaction\nselect 3;',
      'seeds/default/c_dir/z/deeper.sql': 'select 4;',
      'seeds/default/d_last.sql': '',
      'seeds/default/notes.md': 'not a seed',
      'seeds/default/upper.Sql': 'not a seed either (.Sql)',
      'seeds/default/e.sql.bak': 'no',
      'seeds/other/x.sql': 'select 0;',
      'seeds/top.sql': 'select 9;',
    })

  it('config 3: walks <seeds>/<database> recursively in lexical order, .sql and .SQL only', () => {
    const seeds = listSeeds(configFor(project(), 3), 'default')
    expect(seeds.map((s) => s.path)).toEqual([
      'seeds/default/a_first.SQL',
      'seeds/default/b_second.sql',
      'seeds/default/c_dir/a_nested.sql',
      'seeds/default/c_dir/z/deeper.sql',
      'seeds/default/d_last.sql',
    ])
    expect(seeds[0]).toEqual({
      path: 'seeds/default/a_first.SQL',
      text: 'insert into t values (1);',
      noTransaction: false,
      database: 'default',
    })
    expect(seeds[2]?.noTransaction).toBe(true)
    expect(seeds[4]?.text).toBe('')
  })

  it('config 1/2: the seeds directory itself', () => {
    const seeds = listSeeds(configFor(project(), 2, { seedsDirectory: 'seeds/other' }), 'default')
    expect(seeds.map((s) => s.path)).toEqual(['seeds/other/x.sql'])
  })

  it('no seeds directory: no seeds (the caller decides what that means)', () => {
    expect(listSeeds(configFor(project(), 3), 'missing')).toEqual([])
  })

  it('explicit names keep their order, may name sub-directories', () => {
    const seeds = listSeeds(configFor(project(), 3), 'default', [
      'd_last.sql',
      'c_dir/z/deeper.sql',
      'a_first.SQL',
    ])
    expect(seeds.map((s) => s.path)).toEqual([
      'seeds/default/d_last.sql',
      'seeds/default/c_dir/z/deeper.sql',
      'seeds/default/a_first.SQL',
    ])
  })

  it('an explicit name without .sql/.SQL fails like the CLI', () => {
    const e = errorOf(() => listSeeds(configFor(project(), 3), 'default', ['notes.md']))
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toContain("expected extension to be one of .sql, .SQL but got '.md'")
    expect(e.where).toMatchObject({ input: 'seeds', database: 'default' })
  })

  it('a missing explicit file fails naming the expected path', () => {
    const e = errorOf(() => listSeeds(configFor(project(), 3), 'default', ['nope.sql']))
    expect(e.message).toBe("seed file 'nope.sql' not found: expected seeds/default/nope.sql")
  })

  it('an explicit name may not leave the seeds directory', () => {
    const e = errorOf(() => listSeeds(configFor(project(), 3), 'default', ['../other/x.sql']))
    expect(e.message).toContain('is outside the seeds directory seeds/default')
  })

  it('config 3 refuses database names that are paths', () => {
    expect(errorOf(() => listSeeds(configFor(project(), 3), '../seeds')).where).toMatchObject({
      input: 'database',
    })
  })

  it('invalid UTF-8 fails naming the file', () => {
    const dir = tempProject({ 'seeds/bad.sql': Buffer.from([0xff, 0xfe, 0x00]) })
    expect(errorOf(() => listSeeds(configFor(dir, 2), 'default')).message).toBe(
      'seeds/bad.sql is not valid UTF-8 text',
    )
  })

  it('follows symlinked files, does not descend into symlinked directories (filepath.Walk)', () => {
    const dir = tempProject({
      'elsewhere/linked.sql': 'select 1;',
      'elsewhere/dir/inner.sql': 'select 2;',
      'seeds/a.sql': { symlink: '../elsewhere/linked.sql' },
      'seeds/b': { symlink: '../elsewhere/dir' },
    })
    const seeds = listSeeds(configFor(dir, 2), 'default')
    expect(seeds.map((s) => [s.path, s.text])).toEqual([['seeds/a.sql', 'select 1;']])
  })
})
