/**
 * One database behind one SQL session, for the PostgreSQL and the embedded targets: operations one
 * after another on the session; migrations through the execution engine (`src/execute/engine.ts`) with
 * the session transport; seeds in one transaction. Secrets are taken out of what it answers.
 */
import { sessionSnapshotQuery } from '../../catalog/snapshot-sources.js'
import { takeSnapshot } from '../../catalog/snapshot.js'
import type { CatalogSnapshot } from '../../catalog/types.js'
import { isKnownError, TargetError } from '../../errors.js'
import type { ErrorInfo } from '../../model.js'
import { execute } from '../../execute/engine.js'
import { redactInfo } from '../../execute/error-report.js'
import type { ExecuteRequest, ExecuteResult, TargetState } from '../../execute/request.js'
import type { SeedRequest, SeedResult, TextQuery } from '../target.js'
import { applySeedsOnSession } from './seeds.js'
import { SessionTransport, type SessionTransportOptions } from './session-transport.js'
import { driverErrorFields } from './session.js'

export class SqlDatabase {
  /** Operations share one session: they run one after another. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: SessionTransportOptions) {}

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Applied versions; never writes. A missing state table is an empty state. */
  readState(database: string): Promise<TargetState> {
    return this.serial(async () => {
      try {
        return await new SessionTransport(this.options, database).readState()
      } catch (error) {
        if (isKnownError(error)) throw error
        throw new TargetError(
          this.options.redact(
            `reading the migration state of database '${database}' failed: ${driverErrorFields(error).message}`,
          ),
          { database },
        )
      }
    })
  }

  /** One read-only statement's one text cell, in turn with the other operations. */
  readQuery(database: string): TextQuery {
    return (sql) =>
      this.serial(async () => {
        try {
          const [row] = await (await this.options.session()).query(sql)
          const cell = row ? Object.values(row)[0] : undefined
          return typeof cell === 'string' ? cell : cell == null ? '' : JSON.stringify(cell)
        } catch (error) {
          if (isKnownError(error)) throw error
          throw new TargetError(
            this.options.redact(
              `reading database '${database}' for the drift check failed: ${driverErrorFields(error).message}`,
            ),
            { database },
          )
        }
      })
  }

  /** Self-contained statements sent as one script: one implicit transaction, all or nothing. */
  writeSql(database: string, sql: string, what: string): Promise<void> {
    return this.serial(async () => {
      const outcome = await (await this.options.session()).script(sql)
      if (outcome.error)
        throw new TargetError(this.options.redact(`${what} failed: ${outcome.error.message}`), { database })
    })
  }

  /** The catalog snapshot of the session's database (`database` names it in messages). */
  snapshot(database: string): Promise<CatalogSnapshot> {
    return this.serial(async () => {
      try {
        return await takeSnapshot(sessionSnapshotQuery(await this.options.session()))
      } catch (error) {
        if (isKnownError(error)) throw error
        throw new TargetError(
          this.options.redact(
            `reading the schema of database '${database}' failed: ${driverErrorFields(error).message}`,
          ),
          { database },
        )
      }
    })
  }

  execute(request: ExecuteRequest): Promise<ExecuteResult> {
    return this.serial(() => {
      const signals = [request.signal, this.options.signal].filter((s): s is AbortSignal => s !== undefined)
      const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0]
      return execute(new SessionTransport(this.options, request.database), { ...request, signal })
    })
  }

  applySeeds(request: SeedRequest): Promise<SeedResult> {
    return this.serial(async () => {
      const result = await applySeedsOnSession(() => this.options.session(), request, this.options)
      return result.error ? { ...result, error: this.redactInfo(result.error) } : result
    })
  }

  private redactInfo(info: ErrorInfo): ErrorInfo {
    return redactInfo(info, (text) => this.options.redact(text))
  }
}
