// Medusa's test runner resets the database before every test of an HTTP file: it terminates every
// connection to it and copies it back from a template. The app's idle pooled connections die with
// it, and knex logs "Connection Error: Connection ended unexpectedly" for each one it later picks
// up (about six lines a test, hundreds a run, hiding real errors in the log). This hook runs before
// the runner's reset (outer hooks first): it waits for the app's background work (the Redis event
// bus queue; the runner already waited for workflows after the previous test), then closes the
// idle connections itself. knex opens new ones on demand.
const HTTP_SPEC = /[\\/]integration-tests[\\/]http[\\/]/

beforeEach(async () => {
  if (!HTTP_SPEC.test(expect.getState().testPath ?? "")) return
  const { container } = require("@medusajs/framework")
  const { ContainerRegistrationKeys } = require("@medusajs/framework/utils")
  if (!container.hasRegistration(ContainerRegistrationKeys.PG_CONNECTION)) return
  const { drainEventBus } = require("./helpers/events")
  await drainEventBus(container).catch(() => undefined)
  closeIdleConnections(container.resolve(ContainerRegistrationKeys.PG_CONNECTION))
})

function closeIdleConnections(knex) {
  const pool = knex?.client?.pool
  // tarn's reaping pass, with "idle" meaning any idle connection and no minimum to keep.
  if (!pool || typeof pool.check !== "function") return
  const { min, idleTimeoutMillis } = pool
  pool.min = 0
  pool.idleTimeoutMillis = 0
  try {
    pool.check()
  } finally {
    pool.min = min
    pool.idleTimeoutMillis = idleTimeoutMillis
  }
}
