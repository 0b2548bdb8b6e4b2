import { describe, expect, it } from 'vitest'
import { hasNoTransactionMarker } from '../../../src/project/no-transaction-marker.js'

// Every case of the reference's Addendum (the CLI's detect_no_transaction_test.go) plus the BOM
// and CRLF allowances of the contract.
describe('hasNoTransactionMarker', () => {
  it.each([
    ['marker on first line', '-- hasura:no-transaction\nCREATE INDEX CONCURRENTLY idx ON t(c);'],
    ['leading whitespace', '   -- hasura:no-transaction\nCREATE TABLE t (id SERIAL);'],
    ['trailing whitespace', '-- hasura:no-transaction   \nCREATE TABLE t (id SERIAL);'],
    ['tabs around it', '\t-- hasura:no-transaction\t\nSELECT 1;'],
    ['windows CRLF', '-- hasura:no-transaction\r\nCREATE TABLE t (id SERIAL);'],
    ['UTF-8 BOM before it', '\uFEFF-- hasura:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (c);'],
    ['BOM and CRLF', '\uFEFF-- hasura:no-transaction\r\nSELECT 1;'],
    ['the whole file is the marker', '-- hasura:no-transaction'],
  ])('counts: %s', (_name, text) => {
    expect(hasNoTransactionMarker(text)).toBe(true)
  })

  it.each([
    ['no marker', 'CREATE TABLE users (id SERIAL PRIMARY KEY);'],
    ['empty file', ''],
    ['blank line before it', '\n-- hasura:no-transaction\nCREATE TABLE t (id SERIAL);'],
    ['CRLF blank line before it', '\r\n-- hasura:no-transaction\r\nSELECT 1;'],
    ['another comment before it', '-- some header\n-- hasura:no-transaction\nSELECT 1;'],
    ['partial marker', '-- hasura:no-transact\nSELECT 1;'],
    ['no space after the dashes', '--hasura:no-transaction\nSELECT 1;'],
    ['inside a string literal', "INSERT INTO docs(t) VALUES ('-- hasura:no-transaction');"],
    ['inside a block comment', '/* this migration does NOT use -- hasura:no-transaction */ SELECT 1;'],
    ['trailing comment on a code line', 'SELECT 1; -- hasura:no-transaction'],
    ['extra text after it', '-- hasura:no-transaction and some other text\nSELECT 1;'],
    ['upper case', '-- HASURA:NO-TRANSACTION\nSELECT 1;'],
    ['two spaces after the dashes', '--  hasura:no-transaction\nSELECT 1;'],
  ])('does not count: %s', (_name, text) => {
    expect(hasNoTransactionMarker(text)).toBe(false)
  })
})
