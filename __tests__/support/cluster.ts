/** A throw-away PostgreSQL cluster: the test run's, a fault test's own, or a benchmark's. */
import { spawnSync } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { requirePgProgram } from './pg-binaries.js'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

/** initdb refuses root: run the server programs as `nobody` when we are root. */
export function userOptions(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {}
  const id = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' })
  const uid = Number(id.stdout.trim()) || 65534
  const gid = Number(spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).stdout.trim()) || 65534
  return { uid, gid }
}

function run(cmd: string, args: string[], opts: { uid?: number; gid?: number }): void {
  const r = spawnSync(cmd, args, { ...opts, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } })
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`)
  }
}

export interface Cluster {
  url: string
  dataDir: string
  port: number
  stop(): void
  /** Stops the server at once, as a crash would (`pg_ctl stop -m immediate`), keeping its data. */
  crash(): void
  /** Starts the server again on the same data directory and port (crash recovery runs). */
  restart(): void
}

/** Starts a throw-away cluster; also used by fault tests that need a server of their own to stop. */
export async function startCluster(settings: Record<string, string> = {}): Promise<Cluster> {
  const initdb = requirePgProgram('initdb')
  const pgCtl = requirePgProgram('pg_ctl')
  const user = userOptions()
  const base = mkdtempSync(join(tmpdir(), 'hma-pg-'))
  const dataDir = join(base, 'data')
  const stop = (): void => {
    spawnSync(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], { ...user, encoding: 'utf8' })
    rmSync(base, { recursive: true, force: true })
  }
  let port: number
  try {
    if (user.uid !== undefined) chownSync(base, user.uid, user.gid ?? user.uid)
    run(initdb, ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync'], user)
    port = await freePort()
    const conf = {
      listen_addresses: "'127.0.0.1'",
      port: String(port),
      unix_socket_directories: `'${base}'`,
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '300',
      ...settings,
    }
    writeFileSync(
      join(dataDir, 'postgresql.auto.conf'),
      Object.entries(conf)
        .map(([k, v]) => `${k} = ${v}`)
        .join('\n') + '\n',
    )
    if (user.uid !== undefined)
      chownSync(join(dataDir, 'postgresql.auto.conf'), user.uid, user.gid ?? user.uid)
    run(pgCtl, ['-D', dataDir, '-l', join(base, 'server.log'), '-w', '-t', '60', 'start'], user)
  } catch (e) {
    stop() // a server pg_ctl gave up waiting for may still be starting
    throw e
  }
  const crash = (): void => run(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], user)
  const restart = (): void =>
    run(pgCtl, ['-D', dataDir, '-l', join(base, 'server.log'), '-w', '-t', '60', 'start'], user)
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dataDir, port, stop, crash, restart }
}
