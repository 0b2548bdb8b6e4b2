/**
 * The metadata verifier, one unresolved reference at a time: each case breaks one reference in the
 * blog project's metadata files and expects exactly one problem — the object Hasura would name, its
 * reason as the server words it, and the file and line that hold the reference (through `!include`).
 */
import { describe, expect, it } from 'vitest'
import { metadataLocator } from '../../../src/project/metadata-locations.js'
import { buildMetadata } from '../../../src/project/metadata.js'
import { verifyMetadata } from '../../../src/review/verify-metadata.js'
import { configFor, tempProject } from '../project/temp-project.js'
import { CASES, lineOf } from './blog-cases.js'
import { BLOG_FILES, blogCatalog } from './blog-project.js'

async function verify(files: Record<string, string>) {
  const dir = tempProject(files)
  const config = configFor(dir, 3)
  const built = await buildMetadata(config)
  if (!built) throw new Error('the project has no metadata')
  return verifyMetadata(built.metadata, new Map([['default', blogCatalog()]]), {
    locate: metadataLocator(config),
  })
}

describe('verifyMetadata: the consistent project', () => {
  it('has no problems, and says which parts it did not check', async () => {
    const result = await verify(BLOG_FILES)
    expect(result.problems).toEqual([])
    expect(result.notChecked).toEqual([
      { kind: 'remote_schema', name: 'weather', reason: 'remote schemas are not checked' },
    ])
  })
})

describe('verifyMetadata: one unresolved reference', () => {
  it.each(CASES)('$title', async (c) => {
    const original = BLOG_FILES[c.file]
    expect(original.split(c.from).length, `'${c.from}' must occur once in ${c.file}`).toBe(2)
    const edited = original.replace(c.from, c.to)
    const result = await verify({ ...BLOG_FILES, [c.file]: edited })
    expect(result.problems.map(({ path: _path, ...p }) => p)).toEqual([
      {
        database: 'default',
        type: c.type,
        name: c.name,
        reason: c.reason,
        file: c.file,
        line: lineOf(edited, c.at ?? c.to),
      },
    ])
  })
})
