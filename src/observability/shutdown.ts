import { logger } from "@medusajs/framework/logger"

// Process-wide state, shared by every copy of this file (see request-context.ts for why globalThis).
type State = { shuttingDown: boolean; jobs: Set<Promise<unknown>>; installed: boolean }
const KEY = Symbol.for("snail.observability.shutdown")
const g = globalThis as unknown as Record<symbol, State | undefined>
const state: State = (g[KEY] ??= { shuttingDown: false, jobs: new Set(), installed: false })

export const isShuttingDown = () => state.shuttingDown

/** A scheduled job run in progress: SIGTERM lets it finish (bounded) before Medusa tears modules down. */
export function trackJob<T>(run: Promise<T>): Promise<T> {
  state.jobs.add(run)
  const forget = () => state.jobs.delete(run)
  run.then(forget, forget)
  return run
}

const SIGNALS = new Set(["SIGTERM", "SIGINT"])

/**
 * Graceful shutdown on top of Medusa's own (`medusa start` closes the listener, waits for open
 * requests without a bound, stops the modules, exits 0). Called from instrumentation.ts, which
 * Medusa loads before it registers its signal handlers, so those handlers can be wrapped: on
 * SIGTERM the instance reports itself not ready (GET /ready → 503, the balancer stops sending),
 * running jobs get up to JOB_DRAIN_MS to finish while the database is still open, then Medusa's
 * handler drains requests; SHUTDOWN_TIMEOUT_MS bounds the whole, after which it exits 1.
 */
export function installGracefulShutdown(): void {
  if (state.installed) return
  state.installed = true
  const jobDrainMs = Number(process.env.JOB_DRAIN_MS || 20000)
  const hardLimitMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 30000)
  let drained: Promise<void> | undefined
  const drainJobs = () =>
    (drained ??= (async () => {
      state.shuttingDown = true
      setTimeout(() => {
        logger.error(`Shutdown took longer than ${hardLimitMs} ms: exiting without finishing`)
        process.exit(1)
      }, hardLimitMs).unref()
      if (state.jobs.size) {
        logger.info(`Shutting down: waiting up to ${jobDrainMs} ms for ${state.jobs.size} running job(s)`)
        let timer: NodeJS.Timeout | undefined
        await Promise.race([
          Promise.allSettled([...state.jobs]),
          new Promise((r) => (timer = setTimeout(r, jobDrainMs))),
        ])
        clearTimeout(timer)
      }
    })())

  const on = process.on.bind(process)
  // Signal listeners registered from now on (Medusa's) run once running jobs are done.
  process.on = ((event: string | symbol, listener: (...args: any[]) => void) => {
    if (typeof event === "string" && SIGNALS.has(event)) {
      return on(event as NodeJS.Signals, (...args: any[]) => void drainJobs().then(() => listener(...args)))
    }
    return on(event as any, listener)
  }) as typeof process.on
  on("SIGTERM", () => void drainJobs())
  on("SIGINT", () => void drainJobs())
}
