// Bundles src/index.ts (the action) and src/cli.ts (the local CLI) into dist/ with esbuild, and copies the
// WASM and data files PGlite and libpg-query load at run time next to the bundle. ncc cannot bundle them.
import { build } from 'esbuild'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const pglite = join(root, 'node_modules/@electric-sql/pglite/dist')

/** PGlite's contrib modules load `../<ext>.tar.gz`; in dist/ the archives sit beside the bundle. */
const pgliteContribPaths = {
  name: 'pglite-contrib-paths',
  setup(b) {
    b.onLoad({ filter: /@electric-sql[\\/]pglite[\\/]dist[\\/]contrib[\\/].*\.js$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('new URL("../', 'new URL("./'),
      loader: 'js',
    }))
  },
}

/**
 * pg probes for Cloudflare Workers when it loads; on Node 20 (no `navigator`) the probe builds a
 * `Response`, which loads undici: about 20 ms of every run. The bundle only ever runs on Node.
 */
const pgNodeStreams = {
  name: 'pg-node-streams',
  setup(b) {
    b.onLoad({ filter: /[\\/]pg[\\/]lib[\\/]stream\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const probe = 'if (isCloudflareRuntime()) {'
      if (!source.includes(probe)) throw new Error(`pg-node-streams: '${probe}' not found in ${args.path}`)
      return { contents: source.replace(probe, 'if (false) {'), loader: 'js' }
    })
  },
}

/**
 * graphql has no `exports` map, so esbuild takes its CommonJS `main`; a code-split chunk of a CommonJS
 * module exports only `default`, and `const { parse } = await import('graphql')` would get undefined.
 * Its ES module build keeps the named exports.
 */
const graphqlEsm = {
  name: 'graphql-esm',
  setup(b) {
    b.onResolve({ filter: /^graphql$/ }, () => ({ path: join(root, 'node_modules/graphql/index.mjs') }))
  },
}

/**
 * A data directory initialised by PGlite (its own dumpDataDir): the embedded target starts from a copy
 * instead of running initdb in WebAssembly (about 1 s instead of 3 s here). initdb output is not
 * reproducible (system identifier, timestamps), so the dump made for the installed PGlite version is
 * kept from one bundle to the next: check-dist compares a fresh bundle with the committed dist/.
 */
const DATADIR = 'pglite-datadir.tar.gz'
const DATADIR_STAMP = 'pglite-datadir.version'
const pgliteVersion = JSON.parse(readFileSync(join(pglite, '..', 'package.json'), 'utf8')).version
const stampedDatadir = (() => {
  const stamp = join(dist, DATADIR_STAMP)
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== pgliteVersion) return undefined
  return existsSync(join(dist, DATADIR)) ? readFileSync(join(dist, DATADIR)) : undefined
})()

rmSync(dist, { recursive: true, force: true })
mkdirSync(dist, { recursive: true })

await build({
  entryPoints: { index: join(root, 'src/index.ts'), cli: join(root, 'src/cli.ts') },
  outdir: dist,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true, // PGlite and the HTTP client load only in runs that use them
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [pgliteContribPaths, pgNodeStreams, graphqlEsm],
  banner: {
    js: [
      "import { createRequire as __hmaCreateRequire } from 'node:module';",
      "import { fileURLToPath as __hmaFileURLToPath } from 'node:url';",
      "import { dirname as __hmaDirname } from 'node:path';",
      'const require = __hmaCreateRequire(import.meta.url);',
      'const __filename = __hmaFileURLToPath(import.meta.url);',
      'const __dirname = __hmaDirname(__filename);',
    ].join(' '),
  },
})

const assets = [
  [join(pglite, 'pglite.wasm'), 'pglite.wasm'],
  [join(pglite, 'pglite.data'), 'pglite.data'],
  [join(pglite, 'initdb.wasm'), 'initdb.wasm'],
  [join(root, 'node_modules/libpg-query/wasm/libpg-query.wasm'), 'libpg-query.wasm'],
]
for (const ext of readdirSync(pglite).filter((f) => f.endsWith('.tar.gz')))
  assets.push([join(pglite, ext), ext])
for (const [from, to] of assets) copyFileSync(from, join(dist, to))
writeFileSync(join(dist, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n')

let datadir = stampedDatadir
if (!datadir) {
  const { PGlite } = await import('@electric-sql/pglite')
  const db = await PGlite.create()
  datadir = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer())
  await db.close()
  console.log(`bundle: made ${DATADIR} for PGlite ${pgliteVersion} (commit it with dist/)`)
}
writeFileSync(join(dist, DATADIR), datadir)
writeFileSync(join(dist, DATADIR_STAMP), `${pgliteVersion}\n`)

const { checkChunks } = await import('./check-chunks.mjs')
const problems = await checkChunks(dist)
if (problems.length > 0) {
  console.error(problems.join('\n'))
  process.exit(1)
}
