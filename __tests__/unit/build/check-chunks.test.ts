import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkChunks, usesAt, type ChunkUse } from '../../../scripts/check-chunks.mjs'
import { repoRoot } from '../../support/shared.js'
import { tempDir } from '../../support/temp-dir.js'

const use = (code: string): ChunkUse => {
  const at = code.indexOf('import("./chunk-')
  return usesAt(code, at, code.indexOf(')', at) + 1 - at)
}

describe('check-chunks: what the code takes from each dynamically imported chunk', () => {
  it('reads the forms esbuild writes', () => {
    expect(use('const { GraphQLError, Kind: K, parse } = await import("./chunk-AB12.js");')).toEqual({
      names: ['GraphQLError', 'Kind', 'parse'],
    })
    expect(use('pgcrypto: async () => (await import("./chunk-AB12.js")).pgcrypto,')).toEqual({
      names: ['pgcrypto'],
    })
    expect(
      use(
        'const [{ PGlite }, extensions] = await Promise.all([\n    import("./chunk-AB12.js"),\n    load()\n  ]);',
      ),
    ).toEqual({ names: ['PGlite'] })
    expect(
      use(
        'library ??= import("./chunk-AB12.js").then((m) => {\n const candidate = m;\n return typeof candidate.parse === "function" ? candidate : candidate.default ?? candidate;\n});',
      ),
    ).toEqual({ names: ['parse'], orDefault: true })
  })

  it('refuses a form it cannot read, rather than passing it unchecked', () => {
    expect(use('const mod = await import("./chunk-AB12.js"); mod.parse()').unknown).toContain('chunk-AB12.js')
  })

  it('finds a CommonJS module bundled as a default-only chunk (the graphql failure)', async () => {
    const dist = tempDir('hma-chunks-')
    writeFileSync(join(dist, 'package.json'), '{"type":"module"}')
    writeFileSync(join(dist, 'chunk-CJS1.js'), 'export default { parse() {} }\n')
    writeFileSync(join(dist, 'chunk-ESM1.js'), 'export function print() {}\n')
    writeFileSync(
      join(dist, 'index.js'),
      'export async function f() {\n  const { parse } = await import("./chunk-CJS1.js");\n  const { print } = await import("./chunk-ESM1.js");\n}\n',
    )
    const problems = await checkChunks(dist)
    expect(problems).toEqual([
      "check-chunks: index.js takes 'parse' from chunk-CJS1.js, which exports default (a CommonJS module bundled as its default export?)",
    ])
  })

  it('dist/ as committed: every dynamic import gets what it takes', async () => {
    expect(await checkChunks(join(repoRoot, 'dist'))).toEqual([])
  })
})
