import { relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UserError } from '../../../src/errors.js'
import { readConfig } from '../../../src/project/config.js'
import { parseEnvFile } from '../../../src/project/dotenv.js'
import { errorOf, tempProject } from './temp-project.js'

describe('readConfig: finding config.yaml', () => {
  it('fails without config.yaml, naming the directory, the CLI and the project-dir input', () => {
    const dir = tempProject({ 'migrations/1_a.up.sql': 'select 1;' })
    const e = errorOf(() => readConfig(dir, {}))
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toContain(dir)
    expect(e.message).toContain('config.yaml')
    expect(e.message).toContain('Hasura CLI needs one too')
    expect(e.message).toContain("'project-dir'")
    expect(e.where).toMatchObject({ input: 'project-dir', file: 'config.yaml' })
  })

  it('does not walk up to a parent config.yaml (the contract: the run fails)', () => {
    const dir = tempProject({ 'config.yaml': 'version: 3\n', 'sub/migrations/.keep': '' })
    expect(() => readConfig(`${dir}/sub`, {})).toThrow(/no config.yaml in .*sub/)
  })

  it('fails for a project directory that does not exist', () => {
    const e = errorOf(() => readConfig('/nonexistent/hasura-project', {}))
    expect(e.message).toContain('/nonexistent/hasura-project does not exist')
    expect(e.where).toMatchObject({ input: 'project-dir' })
  })

  it('resolves a relative project directory to an absolute one', () => {
    const dir = tempProject({ 'config.yaml': 'version: 2\n' })
    const c = readConfig(relative(process.cwd(), dir), {})
    expect(c.projectDir).toBe(dir)
    expect(c.configFile).toBe(`${dir}/config.yaml`)
  })
})

describe('readConfig: keys and defaults', () => {
  it('a missing version means config 1, with the CLI defaults', () => {
    const dir = tempProject({ 'config.yaml': 'endpoint: http://localhost:8080\n' })
    const c = readConfig(dir, {})
    expect(c).toEqual({
      version: 1,
      projectDir: dir,
      configFile: `${dir}/config.yaml`,
      migrationsDirectory: 'migrations',
      metadataDirectory: 'metadata',
      seedsDirectory: 'seeds',
      endpoint: 'http://localhost:8080',
      overrides: [],
    })
  })

  it('an empty or comment-only config.yaml is config 1', () => {
    expect(readConfig(tempProject({ 'config.yaml': '' }), {}).version).toBe(1)
    expect(readConfig(tempProject({ 'config.yaml': '# nothing\n' }), {}).version).toBe(1)
  })

  it('reads every key the action uses, case-insensitively like viper', () => {
    const dir = tempProject({
      'config.yaml': [
        'Version: 3',
        'endpoint: https://hasura.example.com/prefix',
        'admin_secret: s3cret',
        'migrations_directory: db/migrations',
        'metadata_directory: db/metadata',
        'seeds_directory: db/seeds',
        'api_paths:',
        '  v1_query: v1/query',
        'actions:',
        '  kind: synchronous',
      ].join('\n'),
    })
    expect(readConfig(dir, {})).toMatchObject({
      version: 3,
      endpoint: 'https://hasura.example.com/prefix',
      adminSecret: 's3cret',
      migrationsDirectory: 'db/migrations',
      metadataDirectory: 'db/metadata',
      seedsDirectory: 'db/seeds',
      overrides: [],
    })
  })

  it('accepts a numeric string version as viper does', () => {
    expect(readConfig(tempProject({ 'config.yaml': 'version: "2"\n' }), {}).version).toBe(2)
  })

  it.each([['4'], ['0'], ['three'], ['[3]'], ['2.5']])('rejects version %s with file and line', (v) => {
    const dir = tempProject({ 'config.yaml': `endpoint: http://x\nversion: ${v}\n` })
    const e = errorOf(() => readConfig(dir, {}))
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toMatch(/invalid config version .*must be 1, 2 or 3/)
    expect(e.message).toContain('config.yaml:2')
    expect(e.where).toMatchObject({ file: 'config.yaml', line: 2 })
  })

  it('a key without a value takes the default (Mission-Prerna writes `admin_secret:`)', () => {
    const c = readConfig(
      tempProject({ 'config.yaml': 'version: 3\nadmin_secret:\nmigrations_directory:\n' }),
      {},
    )
    expect(c.adminSecret).toBeUndefined()
    expect(c.migrationsDirectory).toBe('migrations')
  })

  it('admin_secrets (JSON array) wins over admin_secret; access_key is the last fallback', () => {
    const both = tempProject({
      'config.yaml': `version: 3\nadmin_secret: single\nadmin_secrets: '["first","second"]'\n`,
    })
    expect(readConfig(both, {}).adminSecret).toBe('first')
    const list = tempProject({ 'config.yaml': 'version: 3\nadmin_secrets:\n  - listed\n' })
    expect(readConfig(list, {}).adminSecret).toBe('listed')
    const legacy = tempProject({ 'config.yaml': 'version: 1\naccess_key: old-key\n' })
    expect(readConfig(legacy, {}).adminSecret).toBe('old-key')
  })

  it('metadata_file must end in .json or .yaml (config >= 2), with file and line', () => {
    const ok = tempProject({ 'config.yaml': 'version: 3\nmetadata_file: metadata.yaml\n' })
    expect(readConfig(ok, {}).metadataFile).toBe('metadata.yaml')
    const bad = tempProject({
      'config.yaml': 'version: 3\nendpoint: http://x\nmetadata_file: metadata.yml\n',
    })
    const e = errorOf(() => readConfig(bad, {}))
    expect(e.message).toContain("metadata_file must end in .json or .yaml, got 'metadata.yml'")
    expect(e.where).toMatchObject({ file: 'config.yaml', line: 3 })
  })

  it('config 1 has no single-file metadata mode: metadata_file is not read', () => {
    const c = readConfig(tempProject({ 'config.yaml': 'metadata_file: whatever.txt\n' }), {})
    expect(c.metadataFile).toBeUndefined()
  })

  it('invalid YAML fails with config.yaml and the line', () => {
    const dir = tempProject({ 'config.yaml': 'version: 3\nendpoint: [http://x\nseeds_directory: s\n' })
    const e = errorOf(() => readConfig(dir, {}))
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toMatch(/^config\.yaml:\d+: invalid YAML/)
    expect(e.where?.file).toBe('config.yaml')
    expect(e.where?.line).toBeGreaterThanOrEqual(2)
  })

  it('a config.yaml that is not a mapping fails', () => {
    const e = errorOf(() => readConfig(tempProject({ 'config.yaml': '- version: 3\n' }), {}))
    expect(e.message).toContain('expected a mapping')
  })
})

describe('readConfig: HASURA_GRAPHQL_* overrides and .env', () => {
  const project = () =>
    tempProject({
      'config.yaml':
        'version: 2\nendpoint: http://file\nmigrations_directory: from-file\nadmin_secret: file-secret\n',
    })

  it('environment beats the file for every key and is recorded as an override', () => {
    const c = readConfig(project(), {
      HASURA_GRAPHQL_VERSION: '3',
      HASURA_GRAPHQL_MIGRATIONS_DIRECTORY: 'from-env',
      HASURA_GRAPHQL_METADATA_DIRECTORY: 'md-env',
      HASURA_GRAPHQL_SEEDS_DIRECTORY: 'seeds-env',
      HASURA_GRAPHQL_ENDPOINT: 'http://env',
      HASURA_GRAPHQL_ADMIN_SECRET: 'env-secret',
      HASURA_GRAPHQL_METADATA_FILE: 'md.json',
    })
    expect(c).toMatchObject({
      version: 3,
      migrationsDirectory: 'from-env',
      metadataDirectory: 'md-env',
      seedsDirectory: 'seeds-env',
      endpoint: 'http://env',
      adminSecret: 'env-secret',
      metadataFile: 'md.json',
    })
    expect([...c.overrides].sort()).toEqual([
      'HASURA_GRAPHQL_ADMIN_SECRET',
      'HASURA_GRAPHQL_ENDPOINT',
      'HASURA_GRAPHQL_METADATA_DIRECTORY',
      'HASURA_GRAPHQL_METADATA_FILE',
      'HASURA_GRAPHQL_MIGRATIONS_DIRECTORY',
      'HASURA_GRAPHQL_SEEDS_DIRECTORY',
      'HASURA_GRAPHQL_VERSION',
    ])
  })

  it('empty environment variables are ignored (viper AllowEmptyEnv is off)', () => {
    const c = readConfig(project(), { HASURA_GRAPHQL_MIGRATIONS_DIRECTORY: '' })
    expect(c.migrationsDirectory).toBe('from-file')
    expect(c.overrides).toEqual([])
  })

  it('an invalid version from the environment names the variable', () => {
    const e = errorOf(() => readConfig(project(), { HASURA_GRAPHQL_VERSION: '9' }))
    expect(e.message).toContain('HASURA_GRAPHQL_VERSION')
    expect(e.where?.file).toBeUndefined()
  })

  it('.env in the project directory feeds overrides but never beats a set variable, and process.env is untouched', () => {
    const dir = tempProject({
      'config.yaml': 'version: 3\nmigrations_directory: from-file\nseeds_directory: s-file\n',
      '.env':
        'HASURA_GRAPHQL_MIGRATIONS_DIRECTORY=from-dotenv\nexport HASURA_GRAPHQL_SEEDS_DIRECTORY="s-dotenv"\n',
    })
    const before = { ...process.env }
    const c = readConfig(dir, { HASURA_GRAPHQL_SEEDS_DIRECTORY: 's-env' })
    expect(c.migrationsDirectory).toBe('from-dotenv')
    expect(c.seedsDirectory).toBe('s-env')
    expect(c.overrides.sort()).toEqual([
      'HASURA_GRAPHQL_MIGRATIONS_DIRECTORY',
      'HASURA_GRAPHQL_SEEDS_DIRECTORY',
    ])
    expect(process.env).toEqual(before)
  })
})

describe('parseEnvFile (godotenv format)', () => {
  it('reads the forms godotenv accepts', () => {
    const text = [
      '# comment',
      '',
      'PLAIN=value',
      'SPACED = spaced value  ',
      'export EXPORTED=yes',
      'YAMLISH: colon',
      "SINGLE='lit $PLAIN \\n'",
      'DOUBLE="a\\nb ${PLAIN}"',
      'INLINE=val # a comment',
      'HASH=a#b',
      'EXPANDED=$PLAIN-${FROM_ENV}',
      'MULTI="line1',
      'line2"',
      'EMPTY=',
    ].join('\r\n')
    expect(parseEnvFile(text, { FROM_ENV: 'env' })).toEqual({
      PLAIN: 'value',
      SPACED: 'spaced value',
      EXPORTED: 'yes',
      YAMLISH: 'colon',
      SINGLE: 'lit $PLAIN \\n',
      DOUBLE: 'a\nb value',
      INLINE: 'val',
      HASH: 'a#b',
      EXPANDED: 'value-env',
      MULTI: 'line1\nline2',
      EMPTY: '',
    })
  })
})
