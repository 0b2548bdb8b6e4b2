/** GitHub-flavoured Markdown building blocks that survive any text put into them. */

/** Plain text inside Markdown: nothing in it becomes emphasis, a link, HTML or a table break. */
export function text(value: string): string {
  return value
    .replace(/\r?\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*[\]|~])/g, '\\$1')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
}

/** Text for inside an HTML element (a `<summary>`, say): Markdown is not rendered there. */
export function html(value: string): string {
  return value
    .replace(/\r?\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/**
 * Inline code. Inside a table a `|` must be escaped even in a code span (GFM splits cells first and
 * renders `\|` as `|` there); outside a table the escape would show, so it is not added.
 */
export function code(value: string, options: { inTable?: boolean } = {}): string {
  let body = value.replace(/\r?\n/g, ' ')
  if (options.inTable) body = body.replace(/\|/g, '\\|')
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length))
  const ticks = '`'.repeat(longest + 1)
  const pad = body.startsWith('`') || body.endsWith('`') || body === '' ? ' ' : ''
  return `${ticks}${pad}${body}${pad}${ticks}`
}

/** A fenced code block whose fence cannot be closed by the content. */
export function fence(body: string, language = ''): string {
  const longest = Math.max(0, ...[...body.matchAll(/^[ \t]*(`{3,})/gm)].map((m) => m[1].length))
  const ticks = '`'.repeat(Math.max(3, longest + 1))
  const content = body.replace(/\r\n/g, '\n').replace(/\n+$/, '')
  return `${ticks}${language}\n${content}\n${ticks}`
}

/** A table row: cells are expected to be escaped already (with `text` or `code(..., {inTable})`). */
export function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`
}

/** A table header and its delimiter row. */
export function header(cells: readonly string[]): string[] {
  return [row(cells), `|${cells.map(() => '---').join('|')}|`]
}
