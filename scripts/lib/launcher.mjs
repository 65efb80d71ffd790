// The life cycle every launcher shares: run `main`, and on Ctrl-C, SIGTERM or a failure run the
// cleanups once (services first, then the database) before exiting with a readable message.
import { UserFacingError } from "./embedded-postgres.mjs"

export const log = (m) => console.log(`\x1b[36m[snail]\x1b[0m ${m}`)

/** @param {(shutdown: (code: number, reason?: string) => Promise<void>) => Promise<void>} main */
export function launch(main, cleanups) {
  let stopping = false
  const shutdown = async (code, reason) => {
    if (stopping) return
    stopping = true
    if (reason) log(reason)
    log("Stopping…")
    for (const cleanup of cleanups) await cleanup()
    process.exit(code)
  }
  process.on("SIGINT", () => shutdown(0))
  process.on("SIGTERM", () => shutdown(0))
  main(shutdown).catch((e) => {
    console.error(`\n\x1b[31m[snail] ${e instanceof UserFacingError ? e.message : e?.message ?? e}\x1b[0m\n`)
    shutdown(1)
  })
  return { isStopping: () => stopping }
}
