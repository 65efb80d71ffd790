// The test databases renamed away during a jest run (helpers/renaming-reset.js), dropped once at its
// end. jest's globalSetup (in the parent process, before any worker starts) names a list file for
// this run in SNAIL_TEST_DB_TRASH; workers append to it; globalTeardown drops what it lists.
const fs = require("fs")
const os = require("os")
const path = require("path")

function recordTrash(name) {
  const file = process.env.SNAIL_TEST_DB_TRASH
  if (file) fs.appendFileSync(file, `${name}\n`)
}

async function globalSetup() {
  process.env.SNAIL_TEST_DB_TRASH = path.join(os.tmpdir(), `snail-test-db-trash-${process.pid}-${Date.now()}.txt`)
  fs.writeFileSync(process.env.SNAIL_TEST_DB_TRASH, "")
}

async function globalTeardown() {
  const file = process.env.SNAIL_TEST_DB_TRASH
  if (!file || !fs.existsSync(file)) return
  const names = [...new Set(fs.readFileSync(file, "utf8").split("\n").filter(Boolean))]
  if (names.length) {
    const { Client } = require("pg")
    const c = new Client({
      host: process.env.DB_HOST ?? "localhost", port: Number(process.env.DB_PORT ?? 5432),
      user: process.env.DB_USERNAME ?? "postgres", password: process.env.DB_PASSWORD || undefined, database: "postgres",
    })
    await c.connect()
    try {
      for (const name of names) await c.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`)
    } finally {
      await c.end()
    }
  }
  fs.rmSync(file, { force: true })
}

module.exports = { recordTrash, globalSetup, globalTeardown }
