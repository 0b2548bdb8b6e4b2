/** Seeds over a SQL session: every file in one transaction (rolled back when rehearsing), under the run's lock. */
import { CancelledError } from '../../errors.js'
import type { ErrorInfo } from '../../model.js'
import { sqlErrorInfo, toErrorInfo } from '../../execute/error-report.js'
import { blankBom } from '../../sql/position.js'
import { LOCK_NAMESPACE } from '../lock.js'
import { RESTORE_SETTINGS, runnablePart } from '../step-parts.js'
import type { SeedRequest, SeedResult } from '../target.js'
import { locateError } from './locate-error.js'
import { timeoutSettings } from './session-transport.js'
import { driverErrorFields, type SqlSession } from './session.js'

/** Unwinds the seeds with the error that stopped them. */
class SeedsStopped extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message)
  }
}

export async function applySeedsOnSession(
  openSession: () => Promise<SqlSession>,
  request: SeedRequest,
  options: { signal?: AbortSignal; explain?: (error: ErrorInfo) => string | undefined },
): Promise<SeedResult> {
  const files = request.files.map((f) => f.path)
  const { database, timeoutMs } = request
  const aborted = (): boolean => request.signal?.aborted === true || options.signal?.aborted === true
  let session: SqlSession | undefined
  let open = false
  const onAbort = (): void => void session?.cancel()
  request.signal?.addEventListener('abort', onAbort)
  options.signal?.addEventListener('abort', onAbort)
  try {
    if (aborted()) throw new CancelledError('cancelled before the seeds ran', { database })
    session = await openSession()
    const begun = await session.script(`BEGIN; ${timeoutSettings(timeoutMs, 'LOCAL')}`)
    if (begun.error) throw new SeedsStopped(sqlErrorInfo(begun.error, { database, timeoutMs }))
    open = true
    await session.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
      LOCK_NAMESPACE,
      database,
    ])
    for (const file of request.files) {
      if (aborted()) throw new CancelledError(`cancelled before seed ${file.path}`, { database })
      if (file.text.trim() === '') continue
      // its own BEGIN … COMMIT as savepoints: the seeds land together or not at all
      const part = await runnablePart({ file: file.path, text: file.text }, { database })
      const text = blankBom(part.sql)
      const outcome = await session.script(text)
      if (outcome.error) {
        if (aborted()) throw new CancelledError(`cancelled while seed ${file.path} ran`, { database })
        const where = locateError(text, outcome)
        const info = sqlErrorInfo(outcome.error, { database, file: file.path, timeoutMs, ...where })
        const remedy = options.explain?.(info)
        throw new SeedsStopped(remedy ? { ...info, remedy } : info)
      }
      if (part.changesSettings) {
        // what one seed SET ends with it (as each file is its own request for the CLI)
        const restored = await session.script(`${RESTORE_SETTINGS}; ${timeoutSettings(timeoutMs, 'LOCAL')}`)
        if (restored.error) throw new SeedsStopped(sqlErrorInfo(restored.error, { database, timeoutMs }))
      }
    }
    const end = await session.script(request.mode === 'rehearse' ? 'ROLLBACK' : 'COMMIT')
    open = false
    if (end.error) throw new SeedsStopped(sqlErrorInfo(end.error, { database, timeoutMs }))
    return { status: request.mode === 'rehearse' ? 'rehearsed' : 'applied', files }
  } catch (error) {
    if (open && session) await session.script('ROLLBACK').catch(() => undefined)
    return { status: 'failed', files, error: seedErrorInfo(error, database) }
  } finally {
    request.signal?.removeEventListener('abort', onAbort)
    options.signal?.removeEventListener('abort', onAbort)
  }
}

function seedErrorInfo(error: unknown, database: string): ErrorInfo {
  if (error instanceof SeedsStopped) return error.info
  const fields = driverErrorFields(error)
  if (!(error instanceof CancelledError) && (fields.sqlstate || fields.connectionLost)) {
    return sqlErrorInfo(fields, { database, timeoutMs: 0 })
  }
  return toErrorInfo(error, database)
}
