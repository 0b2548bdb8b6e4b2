/**
 * What every run loads before it starts: the static import graph of dist/. The GraphQL parser, PGlite and
 * the SQL parser are large and needed only by some runs, so each must stay behind a dynamic import (the
 * README's no-op figures count on it).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../../support/shared.js'

const dist = join(repoRoot, 'dist')

/** The files an entry loads statically, itself included. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    const code = readFileSync(join(dist, file), 'utf8')
    for (const m of code.matchAll(/^(?:import|export)\s[^;]*?from\s*"\.\/([^"]+)"|^import\s*"\.\/([^"]+)"/gm))
      visit(m[1] ?? m[2])
  }
  visit(entry)
  return [...seen]
}

describe('dist/: what loads before a run starts', () => {
  for (const entry of ['index.js', 'cli.js']) {
    it(`${entry} loads neither the GraphQL parser, nor PGlite, nor the SQL parser statically`, () => {
      const files = staticGraph(entry)
      expect(files.length).toBeGreaterThan(3)
      const modules = new Set(
        files.flatMap((f) =>
          [
            ...readFileSync(join(dist, f), 'utf8').matchAll(
              /^\/\/ node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gm,
            ),
          ].map((m) => m[1]),
        ),
      )
      // the action's own toolkit and the YAML reader are there (the check sees bundled modules at all)
      expect(modules).toContain('js-yaml')
      for (const lazy of ['graphql', '@electric-sql/pglite', 'libpg-query'])
        expect(modules).not.toContain(lazy)
    })
  }
})
