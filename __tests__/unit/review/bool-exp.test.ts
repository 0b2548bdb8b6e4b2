import { describe, expect, it } from 'vitest'
import { isNarrowerOrEqual, sameBoolExp } from '../../../src/review/bool-exp.js'

const USER = { user_id: { _eq: 'X-Hasura-User-Id' } }
const PUBLISHED = { published: { _eq: true } }

describe('sameBoolExp: spellings of one condition', () => {
  it.each([
    ['key order', { a: { _eq: 1 }, b: { _gt: 2 } }, { b: { _gt: 2 }, a: { _eq: 1 } }],
    ['operator order', { a: { _gt: 1, _lt: 5 } }, { a: { _lt: 5, _gt: 1 } }],
    ['_and of one item', { _and: [USER] }, USER],
    ['_and order', { _and: [USER, PUBLISHED] }, { _and: [PUBLISHED, USER] }],
    ['_and and keys of one mapping', { _and: [USER, PUBLISHED] }, { ...USER, ...PUBLISHED }],
    ['nested _and flattened', { _and: [{ _and: [USER] }, PUBLISHED] }, { _and: [USER, PUBLISHED] }],
    ['_or order', { _or: [USER, PUBLISHED] }, { _or: [PUBLISHED, USER] }],
    ['_in value order', { id: { _in: [1, 2, 3] } }, { id: { _in: [3, 1, 2] } }],
    ['{} and absent and _and: []', {}, { _and: [] }],
    ['double negation', { _not: { _not: USER } }, USER],
    ['duplicate conjunct', { _and: [USER, USER] }, USER],
  ])('%s', (_name, a, b) => {
    expect(sameBoolExp(a, b)).toBe(true)
  })

  it.each([
    ['different value', USER, { user_id: { _eq: 'X-Hasura-Org-Id' } }],
    ['_or is not _and', { _or: [USER, PUBLISHED] }, { _and: [USER, PUBLISHED] }],
    ['array list order of a value', { tags: { _contains: [1, 2] } }, { tags: { _contains: [2, 1] } }],
    ['a relationship that must exist is not "true"', { posts: {} }, {}],
    ['_or: [] is false, not true', { _or: [] }, {}],
  ])('%s differs', (_name, a, b) => {
    expect(sameBoolExp(a, b)).toBe(false)
  })
})

describe('isNarrowerOrEqual(before, after)', () => {
  it.each([
    ['unchanged', USER, USER, true],
    ['a conjunct added', USER, { _and: [USER, PUBLISHED] }, true],
    ['a conjunct removed', { _and: [USER, PUBLISHED] }, USER, false],
    ['emptied to {}', USER, {}, false],
    ['from {} to anything', {}, USER, true],
    ['replaced', USER, PUBLISHED, false],
    ['a branch of _or kept', { _or: [USER, PUBLISHED] }, USER, true],
    ['a branch added to _or', USER, { _or: [USER, PUBLISHED] }, false],
    ['a branch removed from _or', { _or: [USER, PUBLISHED] }, { _or: [USER] }, true],
    ['_eq inside an _in', { id: { _in: [1, 2] } }, { id: { _eq: 1 } }, true],
    ['_in grows', { id: { _in: [1, 2] } }, { id: { _in: [1, 2, 3] } }, false],
    ['_in shrinks', { id: { _in: [1, 2, 3] } }, { id: { _in: [2] } }, true],
    ['a tighter lower bound', { n: { _gt: 1 } }, { n: { _gt: 5 } }, true],
    ['a looser lower bound', { n: { _gte: 5 } }, { n: { _gte: 1 } }, false],
    ['an upper bound lowered', { n: { _lte: 10 } }, { n: { _lt: 10 } }, true],
    ['inside a relationship: conjunct added', { author: USER }, { author: { ...USER, ...PUBLISHED } }, true],
    [
      'inside a relationship: conjunct removed',
      { author: { ...USER, ...PUBLISHED } },
      { author: USER },
      false,
    ],
    ['_not of a wider condition', { _not: { _and: [USER, PUBLISHED] } }, { _not: USER }, true],
    ['_not of a narrower condition', { _not: USER }, { _not: { _and: [USER, PUBLISHED] } }, false],
    [
      '_exists with a narrower _where',
      { _exists: { _table: { schema: 'public', name: 'm' }, _where: USER } },
      { _exists: { _table: { schema: 'public', name: 'm' }, _where: { ...USER, ...PUBLISHED } } },
      true,
    ],
    [
      '_exists on another table',
      { _exists: { _table: { schema: 'public', name: 'm' }, _where: USER } },
      { _exists: { _table: 'n', _where: USER } },
      false,
    ],
    ['to _or: [] (no row)', USER, { _or: [] }, true],
  ])('%s', (_name, before, after, expected) => {
    expect(isNarrowerOrEqual(before, after)).toBe(expected)
  })
})
