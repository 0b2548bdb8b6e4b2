/** SIGINT/SIGTERM (a cancelled GitHub job) → an AbortSignal the targets honour between statements. */
export function cancellationSignal(): AbortSignal {
  const controller = new AbortController()
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) return
    process.stderr.write(`received ${name}: rolling back what is open, running nothing more\n`)
    controller.abort(new Error(`cancelled by ${name}`))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  return controller.signal
}
