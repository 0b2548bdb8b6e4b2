// Proves that every code-split chunk the bundle imports dynamically provides the names the code takes
// from it. esbuild turns a CommonJS module into a chunk that exports only `default`, so
// `const { parse } = await import('graphql')` can pass every test on src/ and still fail in dist/.
// Each `import("./chunk-…")` in dist/ is read in one of the forms below; any other form fails the check,
// so that a new one is taught here rather than passed unchecked.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const IMPORT = /import\("\.\/(chunk-[A-Z0-9]+\.js)"\)/g
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** `a, b: c, "d-e": f` → the imported names a, b, d-e. */
function destructuredNames(pattern) {
  return pattern
    .split(',')
    .map((p) =>
      p
        .split(':')[0]
        .trim()
        .replace(/^["']|["']$/g, ''),
    )
    .filter(Boolean)
}

/** Splits `x, [y, z], { a, b }` at its top-level commas. */
function topLevelElements(text) {
  const out = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim())
      start = i + 1
    }
  }
  out.push(text.slice(start).trim())
  return out
}

/** The text of a balanced `{…}` block starting at `open`. */
function block(text, open) {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1)
  }
  return text.slice(open)
}

/**
 * What the code takes from one dynamic import: `{ names }`, with `orDefault` when the code itself falls
 * back to the module's `default` (a CommonJS shape it handles), or `{ unknown }` describing the form.
 */
export function usesAt(source, index, length) {
  const before = source.slice(Math.max(0, index - 600), index)
  const after = source.slice(index + length, index + length + 600)

  // const { a, b: c } = await import("./chunk.js")
  let m = /(?:const|let|var)\s*\{([^{}]*)\}\s*=\s*await\s*$/.exec(before)
  if (m) return { names: destructuredNames(m[1]) }

  // (await import("./chunk.js")).name
  m = /^\)\.([A-Za-z_$][\w$]*)/.exec(after)
  if (m && /\(\s*await\s*$/.test(before)) return { names: [m[1]] }

  // const [{ a }, other] = await Promise.all([import("./chunk.js"), …])
  m = /(?:const|let|var)\s*\[([^=]*)\]\s*=\s*await\s+Promise\.all\(\[([^]*)$/.exec(before)
  if (m && !m[2].includes('])')) {
    const position = topLevelElements(m[2]).length - 1
    const element = topLevelElements(m[1])[position] ?? ''
    const inner = /^\{([^{}]*)\}$/.exec(element)
    if (inner) return { names: destructuredNames(inner[1]) }
  }

  // import("./chunk.js").then((m) => { … m.name … }): the names read from the module inside the callback
  m = /^\.then\(\(?([A-Za-z_$][\w$]*)\)?\s*=>\s*\{/.exec(after)
  if (m) {
    const body = block(after, m[0].length - 1)
    const aliases = new Set([m[1]])
    for (const a of body.matchAll(/(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([A-Za-z_$][\w$]*)\s*;/g))
      if (aliases.has(a[2])) aliases.add(a[1])
    const names = new Set()
    for (const alias of aliases)
      for (const r of body.matchAll(new RegExp(`\\b${alias.replace('$', '\\$')}\\.([A-Za-z_$][\\w$]*)`, 'g')))
        names.add(r[1])
    const orDefault = names.delete('default')
    if (names.size > 0) return { names: [...names], orDefault }
  }
  return { unknown: `${before.slice(-80)}${source.slice(index, index + length)}${after.slice(0, 40)}` }
}

/** Every problem found in `dist` (empty: every dynamic import gets what it takes). */
export async function checkChunks(dist) {
  const problems = []
  const modules = new Map()
  const load = (chunk) => {
    if (!modules.has(chunk)) modules.set(chunk, import(pathToFileURL(join(dist, chunk)).href))
    return modules.get(chunk)
  }
  for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) {
    const source = readFileSync(join(dist, file), 'utf8')
    for (const hit of source.matchAll(IMPORT)) {
      const chunk = hit[1]
      const use = usesAt(source, hit.index, hit[0].length)
      if (use.unknown) {
        problems.push(
          `check-chunks: ${file} imports ${chunk} in a form this check cannot read (teach scripts/check-chunks.mjs): …${use.unknown.replace(/\s+/g, ' ')}…`,
        )
        continue
      }
      const namespace = await load(chunk)
      for (const name of use.names) {
        if (!IDENTIFIER.test(name) && !/^[\w-]+$/.test(name)) continue
        const found =
          namespace[name] !== undefined || (use.orDefault === true && namespace.default?.[name] !== undefined)
        if (!found) {
          const exported = Object.keys(namespace).join(', ') || 'nothing'
          problems.push(
            `check-chunks: ${file} takes '${name}' from ${chunk}, which exports ${exported} (a CommonJS module bundled as its default export?)`,
          )
        }
      }
    }
  }
  return problems
}
