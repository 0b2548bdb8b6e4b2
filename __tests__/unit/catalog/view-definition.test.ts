/** PostgreSQL 15's view text rewritten into the form 16 and later print (the outermost query only). */
import { describe, expect, it } from 'vitest'
import { unqualifyLegacyViewDefinition } from '../../../src/catalog/view-definition.js'

describe('unqualifyLegacyViewDefinition', () => {
  it.each([
    [
      'one table, grouped',
      ` SELECT "Orders".status,\n    sum("Orders".total) AS total\n   FROM "Sales"."Orders"\n  GROUP BY "Orders".status;`,
      ` SELECT status,\n    sum(total) AS total\n   FROM "Sales"."Orders"\n  GROUP BY status;`,
    ],
    [
      'an alias, a subquery that keeps its qualifiers, an ORDER BY',
      ` SELECT a.id,\n    upper((a."Display Name")::text) AS shown\n   FROM authors a\n  WHERE (EXISTS ( SELECT 1\n           FROM "Sales"."Orders" o\n          WHERE ((o.author_id = a.id) AND (o.quantity > 10))))\n  ORDER BY a.created_at;`,
      ` SELECT id,\n    upper(("Display Name")::text) AS shown\n   FROM authors a\n  WHERE (EXISTS ( SELECT 1\n           FROM "Sales"."Orders" o\n          WHERE ((o.author_id = a.id) AND (o.quantity > 10))))\n  ORDER BY created_at;`,
    ],
    [
      'a quoted name with a doubled quote and non-ASCII text before it',
      ` SELECT 'é'::text AS e,\n    "we""ird".x\n   FROM "we""ird";`,
      ` SELECT 'é'::text AS e,\n    x\n   FROM "we""ird";`,
    ],
    [
      'a whole-row reference stays qualified',
      ` SELECT t.a,\n    t.* AS t\n   FROM t;`,
      ` SELECT a,\n    t.* AS t\n   FROM t;`,
    ],
  ])('%s', async (_, before, after) => {
    expect(await unqualifyLegacyViewDefinition(before)).toBe(after)
  })

  it.each([
    [
      'a join',
      ` SELECT a.id,\n    o.total\n   FROM (authors a\n     JOIN orders o ON ((o.author_id = a.id)));`,
    ],
    ['two relations', ` SELECT a.id,\n    b.id AS bid\n   FROM a,\n    b;`],
    ['a union', ` SELECT t.a\n   FROM t\nUNION\n SELECT u.a\n   FROM u;`],
    ['no relation', ` SELECT 1 AS one;`],
    ['not SQL', `not a view`],
  ])('leaves %s as it is', async (_, text) => {
    expect(await unqualifyLegacyViewDefinition(text)).toBe(text)
  })
})
