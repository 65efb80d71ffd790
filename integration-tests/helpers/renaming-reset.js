// Medusa's test runner gives every test of an HTTP file a fresh database: before each test it drops
// the file's database and copies it again from the file's snapshot, and at the end it drops both.
// On PostgreSQL every DROP DATABASE forces an immediate checkpoint: every dirty page of the whole
// server (the 21 MB copy just made included) is written and fsynced while the test waits. Measured on
// the shared 2-core machine (load ~17): drop + copy 8.5 s a test, rename + copy 1.7 s.
//
// Here the database a test used is renamed away instead (`<db name>-integration-oldN`, no
// connections allowed) and the fresh copy is made under the original name, so the test sees exactly
// what the runner's reset gives it. The renamed databases are dropped by jest's parent process in the
// background, off every test's path (helpers/test-db-trash.js); a killed run leaves them to `npm test`'s
// leftover cleanup, as it would leave the runner's own databases (they match the same pattern).
const { recordTrash } = require("./test-db-trash")

const TEST_DATABASE = /^(medusa-[a-z0-9]+)-integration-\d+(-template)?$/
const BUSY = "55006" // object_in_use: a backend still connected (terminated, not yet gone)

function useRenamingReset() {
  // Without the run's list (jest started with another config, no globalSetup) nobody would drop the
  // renamed databases: the runner's own drops stay then.
  if (!process.env.SNAIL_TEST_DB_TRASH) return async () => undefined
  const templates = require("@medusajs/test-utils/dist/medusa-test-runner-utils/postgres-template")
  const { Client } = require("pg")
  let clientPromise = null
  let n = 0

  const client = () =>
    (clientPromise ??= (async () => {
      const c = new Client({
        host: process.env.DB_HOST ?? "localhost", port: Number(process.env.DB_PORT ?? 5432),
        user: process.env.DB_USERNAME ?? "postgres", password: process.env.DB_PASSWORD || undefined, database: "postgres",
      })
      c.on("error", () => (clientPromise = null))
      await c.connect()
      return c
    })())
  const q = (name) => `"${name.replace(/"/g, '""')}"`
  const terminate = async (c, name) =>
    c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name])

  /** Renames `name` away (connections closed first); returns false when it does not exist. */
  async function renameAway(c, name) {
    const m = TEST_DATABASE.exec(name)
    const trash = `${m[1]}-integration-old${++n}`
    await c.query(`ALTER DATABASE ${q(name)} WITH ALLOW_CONNECTIONS false`).catch(() => undefined)
    for (let attempt = 0; ; attempt++) {
      await terminate(c, name)
      try {
        await c.query(`ALTER DATABASE ${q(name)} RENAME TO ${q(trash)}`)
        recordTrash(trash)
        return true
      } catch (error) {
        if (error?.code === "3D000") return false // does not exist
        if (error?.code !== BUSY || attempt >= 20) throw error
        await new Promise((r) => setTimeout(r, 50 * (attempt + 1)))
      }
    }
  }

  const restore = templates.restorePostgresDatabaseFromTemplate
  templates.restorePostgresDatabaseFromTemplate = async function restoreByRenaming({ databaseName, templateName }) {
    if (!TEST_DATABASE.test(databaseName)) return restore({ databaseName, templateName })
    const c = await client()
    await renameAway(c, databaseName)
    await terminate(c, templateName)
    await c.query(`CREATE DATABASE ${q(databaseName)} WITH TEMPLATE ${q(templateName)}`)
  }

  // The file's own database and snapshot at its end: renamed away as well (two checkpoints a file fewer).
  const dropTemplate = templates.dropPostgresDatabaseTemplate
  templates.dropPostgresDatabaseTemplate = async function dropTemplateByRenaming(templateName) {
    if (!TEST_DATABASE.test(templateName)) return dropTemplate(templateName)
    await renameAway(await client(), templateName)
  }
  const dropDatabase = templates.dropDatabase
  templates.dropDatabase = async function dropByRenaming(options, credentials) {
    if (!TEST_DATABASE.test(options.databaseName)) return dropDatabase(options, credentials)
    await renameAway(await client(), options.databaseName)
  }

  return async function close() {
    const c = await clientPromise?.catch(() => null)
    clientPromise = null
    await c?.end().catch(() => undefined)
  }
}

module.exports = { useRenamingReset }
