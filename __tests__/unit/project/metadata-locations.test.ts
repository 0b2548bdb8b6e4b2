/**
 * Metadata paths → file:line in every layout: config 2 per-object files, single-file mode (YAML and
 * JSON), config 1's migrations/metadata.yaml; a path past what the files hold stops at the deepest node.
 */
import { describe, expect, it } from 'vitest'
import { metadataLocator } from '../../../src/project/metadata-locations.js'
import { configFor, tempProject } from './temp-project.js'

const TABLES_YAML = `- table:
    schema: public
    name: author
  select_permissions:
    - role: user
      permission:
        columns: [id, name]
        filter:
          id: {_eq: X-Hasura-User-Id}
`

const WHOLE_JSON = `{
  "version": 2,
  "tables": [
    {
      "table": {"schema": "public", "name": "author"},
      "select_permissions": [
        {"role": "user", "permission": {"columns": ["id"], "filter": {"id": {"_eq": 1}}}}
      ]
    }
  ]
}
`

const FILTER_ID = ['tables', 0, 'select_permissions', 0, 'permission', 'filter', 'id']

describe('metadataLocator', () => {
  it('config 2: tables.yaml, keys and flow sequences', () => {
    const dir = tempProject({ 'metadata/tables.yaml': TABLES_YAML, 'metadata/version.yaml': 'version: 2\n' })
    const locate = metadataLocator(configFor(dir, 2))
    expect(locate(FILTER_ID)).toEqual({ file: 'metadata/tables.yaml', line: 9 })
    expect(locate(['tables', 0, 'select_permissions', 0, 'permission', 'columns', 1])).toEqual({
      file: 'metadata/tables.yaml',
      line: 7,
    })
    // deeper than the file goes: the deepest node that exists
    expect(locate([...FILTER_ID, '_eq', 'nothing'])).toEqual({ file: 'metadata/tables.yaml', line: 9 })
    expect(locate(['tables', 3])).toEqual({ file: 'metadata/tables.yaml', line: 1 })
  })

  it('single-file mode, JSON', () => {
    const dir = tempProject({ 'metadata.json': WHOLE_JSON })
    const locate = metadataLocator(configFor(dir, 3, { metadataFile: 'metadata.json' }))
    expect(locate(FILTER_ID)).toEqual({ file: 'metadata.json', line: 7 })
  })

  it('config 1: migrations/metadata.yaml', () => {
    const dir = tempProject({
      'migrations/metadata.yaml': `version: 2\ntables:\n${TABLES_YAML.replace(/^/gm, '  ')}`,
    })
    const locate = metadataLocator(configFor(dir, 1))
    expect(locate(FILTER_ID)).toEqual({ file: 'migrations/metadata.yaml', line: 11 })
  })
})
