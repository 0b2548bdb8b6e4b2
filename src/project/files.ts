/** Small file-system helpers shared by the project readers: relative posix paths, strict UTF-8 reads. */
import { isUtf8 } from 'node:buffer'
import { readFileSync, statSync, type Stats } from 'node:fs'
import { relative, sep } from 'node:path'
import { UserError, type Where } from '../errors.js'

/** `abs` relative to `base`, with posix separators (what messages and annotations show). */
export function relativePosix(base: string, abs: string): string {
  const rel = relative(base, abs)
  return sep === '/' ? rel : rel.split(sep).join('/')
}

/** Joins posix path segments without normalising (segments are names read from a directory). */
export const joinPosix = (dir: string, name: string): string =>
  dir === '' || dir === '.' ? name : `${dir}/${name}`

/** Decodes bytes as UTF-8, refusing invalid sequences (a BOM is kept as U+FEFF). */
export function decodeUtf8(bytes: Buffer, where: Where): string {
  if (!isUtf8(bytes)) throw new UserError(`${where.file ?? 'file'} is not valid UTF-8 text`, where)
  return bytes.toString('utf8')
}

/** Reads a whole file as strict UTF-8; `rel` names it in errors. */
export function readUtf8(abs: string, rel: string, where: Where = {}): string {
  return decodeUtf8(readBytes(abs, rel, where), { ...where, file: rel })
}

/** Reads a file; failures other than "not a file" become a UserError naming it. */
export function readBytes(abs: string, rel: string, where: Where = {}): Buffer {
  try {
    return readFileSync(abs)
  } catch (e) {
    throw fileError(e, rel, where)
  }
}

/** `stat` following symlinks; undefined when nothing is there. Loops and other failures name the path. */
export function statFollow(abs: string, rel: string, where: Where = {}): Stats | undefined {
  try {
    return statSync(abs)
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return undefined
    throw fileError(e, rel, where)
  }
}

export const errnoCode = (e: unknown): string | undefined =>
  e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined

/** A one-line UserError for an fs failure (symlink loops in particular must be explained, not thrown raw). */
export function fileError(e: unknown, rel: string, where: Where = {}): UserError {
  const code = errnoCode(e)
  const w = { ...where, file: rel }
  switch (code) {
    case 'ELOOP':
      return new UserError(`${rel}: symbolic link loop (the link resolves to itself)`, w)
    case 'ENOENT':
      return new UserError(`${rel}: no such file (a broken symbolic link?)`, w)
    case 'EISDIR':
      return new UserError(`${rel} is a directory, expected a file`, w)
    case 'EACCES':
    case 'EPERM':
      return new UserError(`${rel}: permission denied`, w)
    default:
      return new UserError(`${rel}: cannot read (${code ?? String(e)})`, w)
  }
}

const HAS_SURROGATE = /[\uD800-\uDFFF]/

/** Byte-wise (UTF-8) order, as Go sorts directory names. */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0
  // UTF-16 order equals UTF-8 byte order except around surrogate pairs: only then compare bytes.
  if (!HAS_SURROGATE.test(a) && !HAS_SURROGATE.test(b)) return a < b ? -1 : 1
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/** Go's `filepath.Ext`: the suffix from the last dot of the last path element ('' if none). */
export function goExt(p: string): string {
  for (let i = p.length - 1; i >= 0; i--) {
    const c = p[i]
    if (c === '.') return p.slice(i)
    if (c === '/' || c === '\\') break
  }
  return ''
}
