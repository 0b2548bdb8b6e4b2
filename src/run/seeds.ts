/** Stage 6, seeds: every seed file of a database in one transaction (rolled back when rehearsing). */
import type { Result } from '../model.js'
import type { ProjectConfig, SeedFile } from '../project/types.js'
import type { Settings } from '../settings.js'
import type { Target } from '../targets/target.js'
import { RunFailure, type RunIO } from './context.js'

export async function applySeeds(
  config: ProjectConfig,
  settings: Settings,
  files: SeedFile[],
  target: Target,
  databases: string[],
  result: Result,
  io: RunIO,
): Promise<void> {
  if (settings.seeds === false) return
  if (files.length === 0) {
    result.seeds = { status: 'skipped', files: [] }
    result.notices.push(`no seed files found in ${config.seedsDirectory}/`)
    return
  }
  if (settings.dryRun === 'plan') {
    result.seeds = { status: 'planned', files: files.map((f) => f.path) }
    return
  }
  const mode = settings.dryRun === 'rehearse' ? 'rehearse' : 'apply'
  for (const db of databases) {
    const dbFiles = files.filter((f) => f.database === db)
    if (dbFiles.length === 0) continue
    const out = await io.group(`Seeds: ${db}`, () =>
      target.applySeeds({
        database: db,
        files: dbFiles,
        mode,
        timeoutMs: settings.timeoutMs,
        signal: io.signal,
      }),
    )
    result.seeds = { status: out.status, files: [...result.seeds.files, ...out.files] }
    if (out.error) throw new RunFailure(out.error)
  }
}
