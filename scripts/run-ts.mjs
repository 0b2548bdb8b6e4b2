// Runs a TypeScript script (bench/*.ts) on Node 20: esbuild bundles it into .tmp/ and node imports it.
import { build } from 'esbuild'
import { mkdirSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const entry = resolve(process.argv[2] ?? '')
const outdir = join(root, '.tmp')
mkdirSync(outdir, { recursive: true })
const outfile = join(outdir, basename(entry).replace(/\.ts$/, '.mjs'))
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
})
process.argv.splice(2, 1)
await import(pathToFileURL(outfile).href)
