/** Integrity of applied versions against the ledger: edited, unverified, accepted, stale. */
import { describe, expect, it } from 'vitest'
import {
  checkIntegrity,
  editedMessage,
  localUpFiles,
  parseAcceptedVersions,
  type LocalUpFile,
} from '../../../src/drift/integrity.js'
import { sha256Hex, type LedgerEntry } from '../../../src/drift/ledger.js'
import type { DatabaseMigrations } from '../../../src/project/types.js'

const file = (version: bigint, text: string): LocalUpFile => ({
  version,
  name: `v${version}`,
  file: `migrations/default/${version}_v${version}/up.sql`,
  sha256: sha256Hex(text),
})

const row = (version: bigint, text: string | undefined, extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  version,
  name: `v${version}`,
  ...(text === undefined ? {} : { sha256: sha256Hex(text) }),
  origin: 'applied',
  applied: true,
  dirty: false,
  recorded: true,
  ...extra,
})

describe('checkIntegrity', () => {
  it('an unchanged applied file is neither edited nor unverified', () => {
    const r = checkIntegrity([row(1n, 'CREATE TABLE a ()')], [1n], [file(1n, 'CREATE TABLE a ()')])
    expect(r).toEqual({ edited: [], accepted: [], unverified: [], stale: [], unusedAcceptances: [] })
  })

  it('an applied file edited since reports both hashes, the version and the file', () => {
    const r = checkIntegrity(
      [row(1n, 'CREATE TABLE a ()', { runUrl: 'https://ci/run/1', commit: 'abc' })],
      new Map([[1n, false]]).keys(),
      [file(1n, 'CREATE TABLE a (); -- fixed a typo')],
    )
    expect(r.edited).toEqual([
      {
        version: 1n,
        name: 'v1',
        file: 'migrations/default/1_v1/up.sql',
        recorded: sha256Hex('CREATE TABLE a ()'),
        local: sha256Hex('CREATE TABLE a (); -- fixed a typo'),
        origin: 'applied',
        runUrl: 'https://ci/run/1',
        commit: 'abc',
      },
    ])
    const message = editedMessage(r.edited[0])
    expect(message).toContain('version 1 was edited after it was applied')
    expect(message).toContain('migrations/default/1_v1/up.sql')
    expect(message).toContain(sha256Hex('CREATE TABLE a ()').slice(0, 12))
    expect(message).toContain(sha256Hex('CREATE TABLE a (); -- fixed a typo').slice(0, 12))
    expect(message).toContain('accept-edited-migrations: 1')
  })

  it('versions applied without the ledger (the CLI, or before it) are unverified, not drift', () => {
    const r = checkIntegrity([], [1n, 2n], [file(2n, 'b'), file(1n, 'a')])
    expect(r.edited).toEqual([])
    expect(r.unverified.map((u) => [u.version, u.sha256])).toEqual([
      [1n, sha256Hex('a')],
      [2n, sha256Hex('b')],
    ])
  })

  it('a row without a hash is unverified too; a rolled-back (applied = false) row is not read', () => {
    const r = checkIntegrity(
      [row(1n, undefined), row(2n, 'old', { applied: false, recorded: false })],
      [1n, 2n],
      [file(1n, 'a'), file(2n, 'new')],
    )
    expect(r.unverified.map((u) => u.version)).toEqual([1n, 2n])
    expect(r.edited).toEqual([])
  })

  it('pending versions are not checked', () => {
    const r = checkIntegrity([row(1n, 'a')], [1n], [file(1n, 'a'), file(2n, 'b')])
    expect(r.unverified).toEqual([])
  })

  it('an acknowledged edit is accepted, not edited; an acknowledgement of nothing is said', () => {
    const r = checkIntegrity([row(1n, 'a'), row(2n, 'b')], [1n, 2n], [file(1n, 'a2'), file(2n, 'b2')], {
      accept: new Set([2n, 7n]),
    })
    expect(r.edited.map((e) => e.version)).toEqual([1n])
    expect(r.accepted.map((e) => e.version)).toEqual([2n])
    expect(r.unusedAcceptances).toEqual([7n])
  })

  it('an adopted hash that no longer matches is an edit since adoption', () => {
    const r = checkIntegrity([row(1n, 'a', { origin: 'adopted' })], [1n], [file(1n, 'b')])
    expect(r.edited[0].origin).toBe('adopted')
    expect(editedMessage(r.edited[0])).toContain('when the ledger first recorded this version')
  })

  it('recorded rows of versions the state no longer holds are stale; unrecorded ones are not touched', () => {
    const r = checkIntegrity(
      [row(1n, 'a'), row(2n, 'b'), row(3n, 'c', { recorded: false })],
      [1n],
      [file(1n, 'a')],
    )
    expect(r.stale).toEqual([2n])
  })
})

describe('localUpFiles', () => {
  it('hashes the up SQL of the versions asked for, and reads no other file', () => {
    const sql = (path: string, t: string) => ({
      path,
      noTransaction: false,
      get text(): string {
        if (t === 'unread') throw new Error('read a file that is not applied')
        return t
      },
    })
    const db: DatabaseMigrations = {
      name: 'default',
      directory: 'migrations',
      migrations: [
        { database: 'default', version: 1n, name: 'a', up: { sql: sql('m/1_a/up.sql', 'A') } },
        { database: 'default', version: 2n, name: 'b', up: { sql: sql('m/2_b/up.sql', 'unread') } },
        { database: 'default', version: 3n, name: 'c', up: { yaml: { path: 'm/3_c/up.yaml', steps: [] } } },
      ],
    }
    expect(localUpFiles(db, [1n, 3n])).toEqual([
      { version: 1n, name: 'a', file: 'm/1_a/up.sql', sha256: sha256Hex('A') },
    ])
  })
})

describe('parseAcceptedVersions', () => {
  it('reads comma- or space-separated versions and names what is not one', () => {
    const r = parseAcceptedVersions(' 1700000000001, 1700000000002\n1700000000003,v4 ')
    expect([...r.versions]).toEqual([1700000000001n, 1700000000002n, 1700000000003n])
    expect(r.invalid).toEqual(['v4'])
  })
})
