import { describe, expect, it } from 'vitest'
import { EMBEDDED_EXTENSIONS, mentionedExtensions } from '../../../src/targets/embedded/extensions.js'

describe('mentionedExtensions: what the embedded database loads for a project', () => {
  it('finds the names as CREATE EXTENSION writes them, quoted or not, in any case', () => {
    expect(
      mentionedExtensions([
        'CREATE EXTENSION IF NOT EXISTS pgcrypto;',
        'create extension "uuid-ossp" with schema public;',
        'CREATE EXTENSION CITEXT;',
      ]),
    ).toEqual(['pgcrypto', 'uuid-ossp', 'citext'])
  })

  it('adds what an extension requires (earthdistance needs cube)', () => {
    expect(mentionedExtensions(['CREATE EXTENSION earthdistance CASCADE;'])).toEqual([
      'cube',
      'earthdistance',
    ])
  })

  it('ignores names inside longer words, and projects that name none', () => {
    expect(mentionedExtensions(['CREATE TABLE my_citext_notes (id int);', 'SELECT hstore_like;'])).toEqual([])
    expect(mentionedExtensions([])).toEqual([])
  })

  it('keeps the order of EMBEDDED_EXTENSIONS and names each once', () => {
    const all = mentionedExtensions([EMBEDDED_EXTENSIONS.join(' '), EMBEDDED_EXTENSIONS.join(';')])
    expect(all).toEqual([...EMBEDDED_EXTENSIONS])
  })
})
