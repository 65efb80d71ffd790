// The test databases renamed away during a jest run (helpers/renaming-reset.js). Workers append their
// names to a list file named for the run (SNAIL_TEST_DB_TRASH, set by jest's globalSetup in the parent
// process before any worker starts). The parent, idle while the workers test, drops them one at a
// time in the background: each DROP DATABASE still forces a checkpoint, but no test waits for it
// (tests commit with synchronous_commit=off, integration-tests/setup.js). globalTeardown drops what is
// left and removes the list.
const fs = require("fs")
const os = require("os")
const path = require("path")

const POLL_MS = 500

function recordTrash(name) {
  const file = process.env.SNAIL_TEST_DB_TRASH
  if (file) fs.appendFileSync(file, `${name}\n`)
}

function adminClient() {
  const { Client } = require("pg")
  return new Client({
    host: process.env.DB_HOST ?? "localhost", port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.DB_USERNAME ?? "postgres", password: process.env.DB_PASSWORD || undefined, database: "postgres",
  })
}

function startDropper(file) {
  const dropped = new Set()
  let client = null
  let running = null
  let timer = null
  let failures = 0

  async function pass() {
    const names = fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter((n) => n && !dropped.has(n)) : []
    if (!names.length) return
    if (!client) {
      client = adminClient()
      client.on("error", () => (client = null))
      await client.connect()
    }
    for (const name of names) {
      await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`)
      dropped.add(name)
    }
  }
  const tick = () => {
    running = pass()
      .catch(() => {
        failures++ // retried on the next tick; the final pass reports a lasting failure
        client?.end().catch(() => undefined)
        client = null
      })
      .finally(() => {
        running = null
        if (timer !== false) timer = setTimeout(tick, POLL_MS).unref()
      })
  }
  timer = setTimeout(tick, POLL_MS).unref()

  return async function finish() {
    if (timer) clearTimeout(timer)
    timer = false
    await running
    try {
      await pass()
    } finally {
      await client?.end().catch(() => undefined)
    }
    return { dropped: dropped.size, failures }
  }
}

async function globalSetup() {
  const file = path.join(os.tmpdir(), `snail-test-db-trash-${process.pid}-${Date.now()}.txt`)
  fs.writeFileSync(file, "")
  process.env.SNAIL_TEST_DB_TRASH = file
  globalThis.__snailTestDbTrash = startDropper(file)
}

async function globalTeardown() {
  const file = process.env.SNAIL_TEST_DB_TRASH
  try {
    await globalThis.__snailTestDbTrash?.()
  } finally {
    if (file) fs.rmSync(file, { force: true })
  }
}

module.exports = { recordTrash, globalSetup, globalTeardown }
