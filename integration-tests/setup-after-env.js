// Medusa's test runner resets the database before every test of an HTTP file: it terminates every
// connection to it and copies it back from a template. The app's idle pooled connections die with
// it, and knex logs "Connection Error: Connection ended unexpectedly" for each one it later picks
// up (about six lines a test, hundreds a run, hiding real errors in the log). This hook runs before
// the runner's reset (outer hooks first): it waits for the app's background work (the Redis event
// bus queue; the runner already waited for workflows after the previous test), then closes the
// idle connections itself. knex opens new ones on demand.
const HTTP_SPEC = /[\\/]integration-tests[\\/]http[\\/]/

if (HTTP_SPEC.test(expect.getState().testPath ?? "")) {
  // Registered before the test file's hooks: runs after the runner's own teardown (outer afterAll last).
  afterAll(require("./helpers/renaming-reset").useRenamingReset())
}

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

// SNAIL_TEST_TIMINGS=<file> (scripts/test.mjs sets it): one JSON line per test file with its wall time,
// the CPU seconds its worker spent on it (the machine may be shared: wall time alone misleads), and for
// HTTP files the app boot (from the file's first hook to its first test; the runner boots in beforeAll).
if (process.env.SNAIL_TEST_TIMINGS) {
  const fs = require("fs")
  const t0 = Date.now()
  const cpu0 = process.cpuUsage()
  let firstTest
  let bootCpu
  beforeAll(() => undefined) // registered first: the file's own hooks (and the app boot) come after it
  beforeEach(() => {
    if (firstTest === undefined) {
      firstTest = Date.now()
      const c = process.cpuUsage(cpu0)
      bootCpu = (c.user + c.system) / 1e6
    }
  })
  afterAll(() => {
    const c = process.cpuUsage(cpu0)
    const line = {
      file: expect.getState().testPath,
      worker: Number(process.env.JEST_WORKER_ID || 0),
      wall_s: (Date.now() - t0) / 1000,
      cpu_s: (c.user + c.system) / 1e6,
      boot_wall_s: firstTest === undefined ? null : (firstTest - t0) / 1000,
      boot_cpu_s: bootCpu ?? null,
      rss_mb: Math.round(process.memoryUsage().rss / 1048576),
      heap_mb: Math.round(process.memoryUsage().heapUsed / 1048576),
    }
    fs.appendFileSync(process.env.SNAIL_TEST_TIMINGS, JSON.stringify(line) + "\n")
  })
}
