// Each test file boots its own Medusa app; stale MikroORM metadata from a previous file breaks entity discovery.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

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
