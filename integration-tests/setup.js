// Each test file boots its own Medusa app; stale MikroORM metadata from a previous file breaks entity discovery.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// Medusa logs every event it processes and every refused request at "info"; under jest each line goes
// through the captured console with a stack trace (~5,000 lines a run). Warnings and errors are what a
// failing test needs; TEST_VERBOSE=1 or an explicit LOG_LEVEL keeps everything.
if (!process.env.LOG_LEVEL && process.env.TEST_VERBOSE !== "1") process.env.LOG_LEVEL = "warn"

// Test databases are thrown away: a commit need not wait for its WAL to reach the disk (measured on the
// shared machine: 300 one-row commits 2.1–2.5 s with the default, 0.6–0.8 s without). Visibility and
// atomicity are unchanged; only a PostgreSQL crash could lose the last few commits. node-postgres reads
// PGOPTIONS for every connection the app, the runner and the tests open. An explicit PGOPTIONS wins.
process.env.PGOPTIONS ??= "-c synchronous_commit=off"

// HTTP files start from a database copied from one migrated once per run (helpers/migrated-template.js).
if (process.env.SNAIL_TEST_DB_TEMPLATE) {
  require("./helpers/migrated-template").useMigratedTemplate(process.env.SNAIL_TEST_DB_TEMPLATE)
}

// Test files run in parallel jest workers (scripts/test.mjs). With REDIS_URL set every app uses
// Redis for its event bus, workflow engine, locks and cache: two apps on one Redis database would
// take each other's BullMQ jobs (a subscriber running against the other file's database) and
// locks. Each worker gets its own logical database instead: REDIS_URL's database + JEST_WORKER_ID.
const workerId = Number(process.env.JEST_WORKER_ID || 0)
if (process.env.REDIS_URL && workerId > 0) {
  const url = new URL(process.env.REDIS_URL)
  const base = Number(url.pathname.replace("/", "") || 0)
  const db = base + workerId
  if (db > 15) {
    throw new Error(`REDIS_URL database ${base} + jest worker ${workerId} exceeds Redis's 16 databases: lower the workers (TEST_WORKERS) or the database in REDIS_URL.`)
  }
  url.pathname = `/${db}`
  process.env.REDIS_URL = url.toString()
}
