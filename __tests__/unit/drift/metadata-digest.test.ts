/** The metadata digest: key order never matters, content does; the comparison's three answers. */
import { describe, expect, it } from 'vitest'
import {
  compareMetadata,
  metadataDigest,
  metadataDriftMessage,
  serverMetadataOf,
} from '../../../src/drift/metadata-digest.js'

const exported = {
  version: 3,
  sources: [
    {
      name: 'default',
      kind: 'postgres',
      tables: [
        {
          table: { schema: 'public', name: 'users' },
          select_permissions: [
            { role: 'user', permission: { columns: ['id'], filter: { id: { _eq: 'X-Hasura-User-Id' } } } },
          ],
        },
      ],
    },
  ],
}

describe('metadata digest', () => {
  it('is the same whatever the key order, and differs with the content', () => {
    const reordered = JSON.parse(
      '{"sources":[{"tables":[{"select_permissions":[{"permission":{"filter":{"id":{"_eq":"X-Hasura-User-Id"}},"columns":["id"]},"role":"user"}],"table":{"name":"users","schema":"public"}}],"kind":"postgres","name":"default"}],"version":3}',
    ) as unknown
    expect(metadataDigest(reordered)).toBe(metadataDigest(exported))
    const widened = structuredClone(exported)
    widened.sources[0].tables[0].select_permissions[0].permission.filter = {} as never
    expect(metadataDigest(widened)).not.toBe(metadataDigest(exported))
    expect(metadataDigest(exported)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('keeps the order of lists: a reordered list is a change to report, not noise to hide', () => {
    const a = { inherited_roles: [{ role_name: 'r', role_set: ['a', 'b'] }] }
    const b = { inherited_roles: [{ role_name: 'r', role_set: ['b', 'a'] }] }
    expect(metadataDigest(a)).not.toBe(metadataDigest(b))
  })

  it("reads export_metadata's two answers: v2 with resource_version, v1 the metadata itself", () => {
    expect(serverMetadataOf({ resource_version: 7, metadata: exported })).toEqual({
      metadata: exported,
      resourceVersion: 7,
    })
    expect(serverMetadataOf(exported)).toEqual({ metadata: exported })
  })
})

describe('compareMetadata', () => {
  const recorded = { digest: metadataDigest(exported), resourceVersion: 3, runUrl: 'https://ci/run/9' }

  it('unchanged when the digest is the same, even if the resource version moved (a reload)', () => {
    const d = compareMetadata(recorded, { metadata: exported, resourceVersion: 5 })
    expect(d.status).toBe('unchanged')
  })

  it('changed when the server metadata differs, with both resource versions', () => {
    const changed = { ...exported, sources: [] }
    const d = compareMetadata(recorded, { metadata: changed, resourceVersion: 4 })
    expect(d.status).toBe('changed')
    expect(d.current).toEqual({ digest: metadataDigest(changed), resourceVersion: 4 })
    expect(metadataDriftMessage(d)).toBe(
      'the server metadata was changed outside this action since it was last applied, applied by https://ci/run/9 (resource_version 3 → 4)',
    )
  })

  it('not recorded when nothing was recorded yet', () => {
    const d = compareMetadata(undefined, { metadata: exported })
    expect(d.status).toBe('not-recorded')
    expect(metadataDriftMessage(d)).toContain('not checked')
  })
})
