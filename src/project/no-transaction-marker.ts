/** The Hasura CLI's per-file opt-out of the surrounding transaction (reference, Addendum). */

export const NO_TRANSACTION_MARKER = '-- hasura:no-transaction'

/**
 * True when the file's first line is exactly `-- hasura:no-transaction`, give or take surrounding
 * whitespace, a UTF-8 BOM before it and a CR before the line feed. Anything else on that line, or
 * the marker on any later line, does not count.
 */
export function hasNoTransactionMarker(text: string): boolean {
  const end = text.indexOf('\n')
  const first = end < 0 ? text : text.slice(0, end)
  // String.prototype.trim also removes U+FEFF (the BOM) and a trailing \r.
  return first.trim() === NO_TRANSACTION_MARKER
}
