import { expect, test } from 'vitest'
import { analyzeSql } from '../../../src/sql/index.js'
import { parserRequested } from '../../../src/sql/parser.js'

// Each test file has its own module registry: nothing has loaded libpg-query here yet.
test('the WASM parser is loaded only once a file needs it', async () => {
  expect(parserRequested()).toBe(false)
  await analyzeSql('CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);')
  await analyzeSql('-- nothing but a comment')
  expect(parserRequested()).toBe(false)
  const a = await analyzeSql('CREATE INDEX CONCURRENTLY i ON t (id);')
  expect(parserRequested()).toBe(true)
  expect(a.nonTransactional.map((n) => n.what)).toEqual(['CREATE INDEX CONCURRENTLY'])
})
