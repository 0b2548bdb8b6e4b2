/**
 * One broken reference per reference kind in the blog project: the edit that breaks it, and the one
 * problem the verifier (and Hasura) report for it.
 */
import { TABLES } from './blog-project.js'

const AUTHOR = `${TABLES}/public_author.yaml`
const ARTICLE = `${TABLES}/public_article.yaml`

export /** 1-based line of the last line of `text`'s first occurrence. */
function lineOf(content: string, text: string): number {
  const at = content.indexOf(text)
  if (at < 0) throw new Error(`'${text}' is not in the file`)
  return content.slice(0, at + text.length).split('\n').length
}

export interface Case {
  title: string
  file: string
  /** Replaced once in `file`. */
  from: string
  to: string
  type: string
  name: string
  reason: string
  /** Text ending on the line the problem must point at, in `file` after the edit (default: `to`). */
  at?: string
}

const permission = (table: string, role: string, reason: string) =>
  `Inconsistent object: in table "${table}": in permission for role "${role}": ${reason}`

export const CASES: Case[] = [
  {
    title: 'a tracked table that does not exist',
    file: `${TABLES}/tables.yaml`,
    from: '- "!include public_tag.yaml"\n',
    to: '- "!include public_tag.yaml"\n- table: {name: ghost, schema: public}\n',
    at: '- table: {name: ghost',
    type: 'table',
    name: 'table ghost in source default',
    reason: 'Inconsistent object: no such table/view exists in source: "ghost"',
  },
  {
    title: 'an object relationship on a column without a foreign key',
    file: ARTICLE,
    from: 'foreign_key_constraint_on: status',
    to: 'foreign_key_constraint_on: title',
    type: 'object_relation',
    name: 'object_relation state in table article in source default',
    reason:
      'Inconsistent object: in table "article": in relationship "state": no foreign constraint exists on the given column(s)',
  },
  {
    title: 'an array relationship whose remote column has no foreign key back',
    file: `${TABLES}/public_status.yaml`,
    from: 'column: status',
    to: 'column: title',
    at: 'foreign_key_constraint_on:',
    type: 'array_relation',
    name: 'array_relation articles_by_status in table status in source default',
    reason:
      'Inconsistent object: in table "status": in relationship "articles_by_status": no foreign constraint exists on the given column(s)',
  },
  {
    title: 'an array relationship to a table that does not exist',
    file: `${TABLES}/public_status.yaml`,
    from: '          name: article\n',
    to: '          name: articlez\n',
    at: 'foreign_key_constraint_on:',
    type: 'array_relation',
    name: 'array_relation articles_by_status in table status in source default',
    reason:
      'Inconsistent object: in table "status": in relationship "articles_by_status": table "articlez" does not exist in source: default',
  },
  {
    title: 'a manual relationship to a column the remote table lacks',
    file: ARTICLE,
    from: 'editor_id: id',
    to: 'editor_id: ident',
    type: 'object_relation',
    name: 'object_relation editor in table article in source default',
    reason: 'Inconsistent object: table "author" has no field named "ident"',
  },
  {
    title: 'a manual relationship from a column this table lacks',
    file: ARTICLE,
    from: 'editor_id: id',
    to: 'editr: id',
    type: 'object_relation',
    name: 'object_relation editor in table article in source default',
    reason: 'Inconsistent object: table "article" has no field named "editr"',
  },
  {
    title: 'a manual relationship to a table that is not tracked',
    file: ARTICLE,
    from: 'remote_table:\n          name: author',
    to: 'remote_table:\n          name: writer',
    at: 'remote_table:',
    type: 'object_relation',
    name: 'object_relation editor in table article in source default',
    reason: 'Inconsistent object: table "writer" is not tracked',
  },
  {
    title: 'a computed field whose function does not exist',
    file: AUTHOR,
    from: 'name: author_initials',
    to: 'name: author_initial',
    at: '  - name: initials\n    definition:',
    type: 'computed_field',
    name: 'computed_field initials in table author in source default',
    reason:
      'Inconsistent object: in table "author": in computed field "initials": no such function exists: "author_initial"',
  },
  {
    title: 'a computed field naming a table argument the function does not have',
    file: AUTHOR,
    from: '        name: author_initials\n        schema: public\n',
    to: '        name: author_initials\n        schema: public\n      table_argument: row\n',
    at: '  - name: initials\n    definition:',
    type: 'computed_field',
    name: 'computed_field initials in table author in source default',
    reason:
      'Inconsistent object: in table "author": in computed field "initials": the computed field "initials" cannot be added to table "author" because "row" is not an input argument of the function "author_initials"',
  },
  {
    title: 'a select permission listing a column that does not exist',
    file: AUTHOR,
    from: '        - name\n      computed_fields',
    to: '        - nam\n      computed_fields',
    at: '        - nam',
    type: 'select_permission',
    name: 'select_permission user in table author in source default',
    reason: permission('author', 'user', 'column "nam" does not exist'),
  },
  {
    title: 'a select filter on a column that does not exist (inside _or)',
    file: AUTHOR,
    from: '          - id:',
    to: '          - idx:',
    type: 'select_permission',
    name: 'select_permission user in table author in source default',
    reason: permission('author', 'user', '"idx" does not exist'),
  },
  {
    title: "a select filter through an array relationship into the remote table's column",
    file: AUTHOR,
    from: '              published:',
    to: '              publishd:',
    type: 'select_permission',
    name: 'select_permission user in table author in source default',
    reason: permission('author', 'user', '"publishd" does not exist'),
  },
  {
    title: 'a select permission listing a computed field that does not exist',
    file: AUTHOR,
    from: '        - display_name',
    to: '        - display_nam',
    type: 'select_permission',
    name: 'select_permission user in table author in source default',
    reason: permission('author', 'user', 'computed field "display_nam" does not exist'),
  },
  {
    title: "an insert check through an object relationship into the remote table's column",
    file: ARTICLE,
    from: '        author:\n          id:',
    to: '        author:\n          idd:',
    at: '          idd:',
    type: 'insert_permission',
    name: 'insert_permission user in table article in source default',
    reason: permission('article', 'user', '"idd" does not exist'),
  },
  {
    title: 'an insert preset on a column that does not exist',
    file: ARTICLE,
    from: 'author_id: x-hasura-User-Id',
    to: 'authorid: x-hasura-User-Id',
    type: 'insert_permission',
    name: 'insert_permission user in table article in source default',
    reason: permission('article', 'user', 'column "authorid" does not exist'),
  },
  {
    title: 'an insert permission listing a column that does not exist',
    file: ARTICLE,
    from: '        - status',
    to: '        - statuz',
    type: 'insert_permission',
    name: 'insert_permission user in table article in source default',
    reason: permission('article', 'user', 'column "statuz" does not exist'),
  },
  {
    title: 'an update filter on a column that does not exist (inside _and)',
    file: ARTICLE,
    from: '          - author_id:',
    to: '          - authorid:',
    type: 'update_permission',
    name: 'update_permission user in table article in source default',
    reason: permission('article', 'user', '"authorid" does not exist'),
  },
  {
    title: 'an update filter on a column that does not exist (inside _not)',
    file: ARTICLE,
    from: '              published:',
    to: '              publishd:',
    type: 'update_permission',
    name: 'update_permission user in table article in source default',
    reason: permission('article', 'user', '"publishd" does not exist'),
  },
  {
    title: 'a delete filter whose _exists names a table that is not tracked',
    file: ARTICLE,
    from: '          _table:\n            name: author',
    to: '          _table:\n            name: authr',
    at: '          _table:',
    type: 'delete_permission',
    name: 'delete_permission user in table article in source default',
    reason: permission('article', 'user', 'table "authr" does not exist'),
  },
  {
    title: "a delete filter's _exists._where on a column the other table lacks",
    file: ARTICLE,
    from: '          _where:\n            id:',
    to: '          _where:\n            idd:',
    at: '            idd:',
    type: 'delete_permission',
    name: 'delete_permission user in table article in source default',
    reason: permission('article', 'user', '"idd" does not exist'),
  },
  {
    title: 'an event trigger on a column that does not exist',
    file: AUTHOR,
    from: '          - name\n    webhook',
    to: '          - nme\n    webhook',
    at: '          - nme',
    type: 'event_trigger',
    name: 'event_trigger author_changed in table author in source default',
    reason: 'Inconsistent object: table "author" has no field named "nme"',
  },
  {
    title: 'a column_config entry for a column that does not exist',
    file: `${TABLES}/public_tag.yaml`,
    from: '    label:',
    to: '    lable:',
    type: 'table',
    name: 'table tag in source default',
    reason: 'Inconsistent object: in table "tag": column "lable" does not exist',
  },
  {
    title: 'an enum table without the enum shape',
    file: `${TABLES}/public_tag.yaml`,
    from: 'configuration:',
    to: 'is_enum: true\nconfiguration:',
    at: 'is_enum: true',
    type: 'table',
    name: 'table tag in source default',
    reason:
      'Inconsistent object: the table "tag" cannot be used as an enum for the following reasons:\n' +
      '  • the table’s primary key ("id") must have type "text", not type "integer"\n' +
      '  • the table must have exactly one primary key and optionally one comment column, not 2 columns (id, label)\n',
  },
  {
    title: 'a tracked function that does not exist',
    file: 'metadata/databases/default/functions/public_search_articles.yaml',
    from: 'name: search_articles',
    to: 'name: search_article',
    at: 'function:',
    type: 'function',
    name: 'function search_article in source default',
    reason: 'Inconsistent object: no such function exists: "search_article"',
  },
  {
    title: "an action type's relationship to a column the table lacks",
    file: 'metadata/actions.yaml',
    from: 'article_id: id',
    to: 'article_id: ident',
    type: 'custom_types',
    name: 'custom_types custom_types',
    reason:
      'Inconsistent object: validation for the given custom types failed because the column "ident" of remote table "article" for relationship "article" of object type "PublishOutput" does not exist',
  },
  {
    title: "an action type's relationship from a field the type lacks",
    file: 'metadata/actions.yaml',
    from: 'article_id: id',
    to: 'articleid: id',
    type: 'custom_types',
    name: 'custom_types custom_types',
    reason:
      'Inconsistent object: validation for the given custom types failed because the field "articleid" for relationship "article" in object type "PublishOutput" does not exist',
  },
  {
    title: "an action type's relationship to a table that is not tracked",
    file: 'metadata/actions.yaml',
    from: '            name: article',
    to: '            name: articles',
    at: 'remote_table:',
    type: 'custom_types',
    name: 'custom_types custom_types',
    reason:
      'Inconsistent object: validation for the given custom types failed because the remote table "articles" for relationship "article" of object type "PublishOutput" does not exist',
  },
]
