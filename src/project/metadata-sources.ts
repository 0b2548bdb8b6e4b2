/**
 * Config 3 `databases/databases.yaml` with the CLI's `!include` resolution (reference §8.3,
 * cli/internal/metadatautil/yaml.go): only each source's `tables` and `functions` are resolved,
 * from `metadata/databases/`; a node is an include when it carries the `!include` tag or is a
 * string containing `!include` (then split on spaces, first word dropped, `"` trimmed); a `.yaml`
 * target is parsed and its own includes resolve from its directory, anything else becomes the
 * file's text. Unlike the CLI we refuse includes that leave the metadata directory and loops.
 */
import { existsSync, realpathSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, sep } from 'node:path'
import { defineScalarTag, type Schema } from 'js-yaml'
import { UserError } from '../errors.js'
import { goExt, readUtf8, relativePosix } from './files.js'
import { isPlainObject, parseYaml, YAML_SCHEMA } from './yaml.js'

/** A `!include <target>` tag node, as js-yaml constructs it. */
class IncludeTag {
  constructor(readonly target: string) {}
}

const INCLUDE_SCHEMA: Schema = YAML_SCHEMA.withTags(
  defineScalarTag('!include', { resolve: (source) => new IncludeTag(source), identify: () => false }),
)

const INCLUDE = '!include'

/** The source keys the CLI carries (struct `Source` in sources.go), in its order; others are dropped. */
const SOURCE_KEYS = [
  'name',
  'kind',
  'configuration',
  'query_tags',
  'customization',
  'health_check',
  'logical_models',
  'native_queries',
  'stored_procedures',
] as const

export interface SourcesContext {
  projectDir: string
  /** Absolute metadata directory: includes must stay inside it. */
  metadataDir: string
  /** Files read, relative to projectDir (posix), in reading order. */
  files: string[]
}

/** `sources` from `<metadata>/databases/databases.yaml`; undefined when the file does not exist. */
export function buildSources(ctx: SourcesContext): unknown[] | undefined {
  const base = join(ctx.metadataDir, 'databases')
  const abs = join(base, 'databases.yaml')
  if (!existsSync(abs)) return undefined
  const rel = relativePosix(ctx.projectDir, abs)
  const text = readUtf8(abs, rel)
  ctx.files.push(rel)
  const doc = parseYaml(text, rel, INCLUDE_SCHEMA)
  if (doc === null) return []
  if (!Array.isArray(doc))
    throw new UserError(`${rel}: expected a list of databases (- name: default ...)`, { file: rel, line: 1 })
  const file: IncludingFile = { abs, rel, text }
  return doc.map((source: unknown, i) => {
    if (!isPlainObject(source)) {
      throw new UserError(
        `${rel}: database #${i + 1} must be a mapping (name, kind, configuration, tables)`,
        {
          file: rel,
        },
      )
    }
    const out: Record<string, unknown> = {}
    for (const key of SOURCE_KEYS) if (source[key] !== undefined) out[key] = literal(source[key])
    const resolver = new Resolver(ctx, [abs])
    for (const key of ['tables', 'functions'] as const) {
      if (source[key] !== undefined) out[key] = resolver.resolve(source[key], base, file)
    }
    return out
  })
}

interface IncludingFile {
  abs: string
  rel: string
  text: string
}

class Resolver {
  constructor(
    private readonly ctx: SourcesContext,
    /** Absolute paths of the files being included, outermost first: a repeat is a loop. */
    private readonly stack: string[],
  ) {}

  resolve(value: unknown, baseDir: string, from: IncludingFile): unknown {
    if (value instanceof IncludeTag) return this.include(value.target, baseDir, from)
    if (typeof value === 'string' && value.includes(INCLUDE)) {
      const target = trimQuotes(value.split(' ').slice(1).join(' '))
      return this.include(target, baseDir, from)
    }
    if (Array.isArray(value)) return value.map((v) => this.resolve(v, baseDir, from))
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) out[k] = this.resolve(v, baseDir, from)
      return out
    }
    return value
  }

  private include(target: string, baseDir: string, from: IncludingFile): unknown {
    const line = includeLine(from.text, target)
    const where = { file: from.rel, line }
    const at = line ? `${from.rel}:${line}` : from.rel
    // filepath.Join: an absolute target is still joined below the base directory.
    const abs = join(baseDir, target)
    const rel = relativePosix(this.ctx.projectDir, abs)
    const inside = relative(this.ctx.metadataDir, abs)
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      throw new UserError(
        `${at}: !include '${target}' points outside the metadata directory (to ${rel})`,
        where,
      )
    }
    if (this.stack.includes(abs)) {
      const chain = [...this.stack.slice(this.stack.indexOf(abs)), abs].map((p) =>
        relativePosix(this.ctx.projectDir, p),
      )
      throw new UserError(`${at}: !include loop: ${chain.join(' -> ')}`, where)
    }
    if (!existsSync(abs)) throw new UserError(`${at}: !include '${target}': file ${rel} not found`, where)
    // A symbolic link inside the directory may still lead out of it: compare the real paths too.
    const real = relative(realpathSync(this.ctx.metadataDir), realpathSync(abs))
    if (real === '..' || real.startsWith(`..${sep}`) || isAbsolute(real)) {
      throw new UserError(
        `${at}: !include '${target}': ${rel} is a symbolic link that leads outside the metadata directory`,
        where,
      )
    }
    if (statSync(abs).isDirectory())
      throw new UserError(`${at}: !include '${target}': ${rel} is a directory`, where)
    const text = readUtf8(abs, rel)
    this.ctx.files.push(rel)
    if (goExt(abs) !== '.yaml') return text // `.yml`, `.graphql`, ...: the raw text, as the CLI does
    const parsed = parseYaml(text, rel, INCLUDE_SCHEMA)
    const inner = new Resolver(this.ctx, [...this.stack, abs])
    return inner.resolve(parsed, dirname(abs), { abs, rel, text })
  }
}

/** Go's strings.Trim(s, `"`). */
const trimQuotes = (s: string): string => s.replace(/^"+|"+$/g, '')

/** Line of the include in the including file: the first line naming both `!include` and the target. */
function includeLine(text: string, target: string): number | undefined {
  const lines = text.split('\n')
  let fallback: number | undefined
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    if (!l.includes(INCLUDE)) continue
    if (l.includes(target)) return i + 1
    fallback ??= i + 1
  }
  return fallback
}

/** Keys other than tables/functions are literal: a stray `!include` tag there keeps its text, as yaml.v3 does. */
function literal(value: unknown): unknown {
  if (value instanceof IncludeTag) return value.target
  if (Array.isArray(value)) return value.map(literal)
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = literal(v)
    return out
  }
  return value
}
