/**
 * The hidden lines that make a pull-request comment ours: line 1 is the identity of contract §6
 * (project directory + environment), line 2 carries the content digest and the head commit it was
 * written for. Both are HTML comments: GitHub does not show them.
 */
import { createHash } from 'node:crypto'
import { normalizeDir } from '../report/words.js'
import { VOLATILE_MARK } from '../report/markdown-report.js'

const TOOL = 'hasura-migrate-action'

/** Attribute values: nothing in them can end the comment or the attribute. */
function attr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ')
}

/** `<!-- hasura-migrate-action project="<project-dir>" environment="<environment>" -->` */
export function identityLine(projectDir: string, environment: string): string {
  return `<!-- ${TOOL} project="${attr(normalizeDir(projectDir))}" environment="${attr(environment)}" -->`
}

export function stateLine(digest: string, sha?: string): string {
  return `<!-- ${TOOL}-state digest="${attr(digest)}"${sha ? ` sha="${attr(sha)}"` : ''} -->`
}

/** SHA-256 of what the comment says, leaving out lines marked volatile (the run link). */
export function contentDigest(body: string): string {
  const stable = body
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line) => !line.endsWith(VOLATILE_MARK))
    .join('\n')
  return `sha256:${createHash('sha256').update(stable, 'utf8').digest('hex')}`
}

/** The full comment body: the two hidden lines, then the report. */
export function composeComment(options: {
  projectDir: string
  environment: string
  body: string
  headSha?: string
}): { text: string; digest: string } {
  const digest = contentDigest(options.body)
  const text = `${identityLine(options.projectDir, options.environment)}\n${stateLine(digest, options.headSha)}\n${options.body}`
  return { text, digest }
}

export interface ParsedMarker {
  identity: string
  digest?: string
  sha?: string
}

/** The identity line (exactly line 1) and the state of a comment body; undefined when it is not ours. */
export function parseComment(body: string | null | undefined): ParsedMarker | undefined {
  if (!body) return undefined
  const [first = '', second = ''] = body.replace(/\r\n/g, '\n').split('\n', 2)
  if (!first.startsWith(`<!-- ${TOOL} project="`) || !first.endsWith(' -->')) return undefined
  const state = new RegExp(`^<!-- ${TOOL}-state digest="([^"]*)"(?: sha="([^"]*)")? -->$`).exec(second)
  return { identity: first, digest: state?.[1], sha: state?.[2] }
}
