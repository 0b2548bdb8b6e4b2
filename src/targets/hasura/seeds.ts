/**
 * Seeds on Hasura: every seed file in ONE `run_sql`, so they land together (the CLI's bulk is not atomic
 * on v2 servers, §9); a rehearsal ends in the rollback sentinel. A failure names the file and line.
 */
import type { SeedRequest, SeedResult } from '../target.js'
import { Batch } from './batch.js'
import { databaseErrorHidden, pgErrorOf, rehearsalUnreadable, type HasuraConnection } from './connection.js'
import { redactInfo, toErrorInfo } from '../../execute/error-report.js'
import { REMEDIES } from '../../report/remedies.js'
import { locateFailure, type OwnedPart } from './locate.js'
import { deadline, lockSql, restoreSettingsSql, SENTINEL_SQL, SIGNALS } from './state-sql.js'
import { runnablePart, type RunnablePart } from '../step-parts.js'

export async function applySeedsOnHasura(conn: HasuraConnection, req: SeedRequest): Promise<SeedResult> {
  const files = req.files.map((f) => f.path)
  // each file's own BEGIN … COMMIT as savepoints, and what it SETs ended after it, as for migrations
  let runnable: RunnablePart[]
  try {
    runnable = await Promise.all(
      req.files.map((f) => runnablePart({ file: f.path, text: f.text }, { database: req.database })),
    )
  } catch (e) {
    // a transaction command no savepoint can stand for (the run refuses it when it reads the seeds)
    return { status: 'failed', files, error: toErrorInfo(e, req.database) }
  }
  const parts: OwnedPart[] = runnable.map((r, i) => ({
    part: { file: r.file, text: r.text },
    owner: i,
    text: r.sql,
    ...(r.changesSettings ? { after: restoreSettingsSql(req.timeoutMs) } : {}),
  }))
  const build = (count: number, cutAt?: number, rehearse = true): Batch => {
    const b = new Batch().add(lockSql(req.database, req.timeoutMs))
    parts.slice(0, count).forEach((p, n) => {
      const cut = n === count - 1 && cutAt !== undefined
      b.addPart(p.part, p.owner, cut ? p.text.slice(0, cutAt) : p.text, cut ? undefined : p.after)
    })
    if (rehearse) b.add(SENTINEL_SQL)
    return b
  }
  const rehearse = req.mode === 'rehearse'
  const batch = build(parts.length, undefined, rehearse)
  try {
    await conn.runSql(req.database, batch.sql, {
      write: !rehearse,
      what: `${rehearse ? 'rehearsing' : 'applying'} ${files.length} seed file(s) on database '${req.database}'`,
      timeoutMs: deadline(req.timeoutMs),
    })
    if (rehearse) throw new Error('the seed rehearsal was not rolled back by its sentinel statement')
    return { status: 'applied', files }
  } catch (e) {
    const pg = pgErrorOf(e)
    if (rehearse && pg?.message === SIGNALS.rehearsal) return { status: 'rehearsed', files }
    const redact = (s: string): string => conn.http.redact(s)
    if (!pg) {
      const error = redactInfo(toErrorInfo(e, req.database), redact)
      if (databaseErrorHidden(e) && rehearse) error.message = rehearsalUnreadable('seed').message
      else if (databaseErrorHidden(e)) error.remedy = REMEDIES.hiddenDatabaseErrors
      return { status: 'failed', files, error }
    }
    const located = await locateFailure(parts, pg, batch, async (count, cutAt) => {
      try {
        await conn.runSql(req.database, build(count, cutAt).sql, {
          write: false,
          what: 'rehearsing part of the seeds to find the failing statement',
          timeoutMs: deadline(req.timeoutMs),
        })
        return true
      } catch (err) {
        const p = pgErrorOf(err)
        if (!p) throw err
        return p.message === pg.message && p.sqlstate === pg.sqlstate
      }
    })
    const part = located.partIndex !== undefined ? parts[located.partIndex]?.part : undefined
    return {
      status: 'failed',
      files,
      error: {
        kind: 'sql',
        message: redact(pg.message),
        database: req.database,
        ...(part ? { file: part.file } : {}),
        ...(located.line !== undefined ? { line: located.line } : {}),
        ...(pg.sqlstate ? { sqlstate: pg.sqlstate } : {}),
        ...(pg.detail ? { detail: redact(pg.detail) } : {}),
        ...(pg.hint ? { hint: redact(pg.hint) } : {}),
        ...(located.statement ? { statement: redact(located.statement) } : {}),
        remedy: REMEDIES.seeds,
      },
    }
  }
}
