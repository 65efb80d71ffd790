// The databases Medusa's test runners create (`medusa-<id>-integration-<worker>` and their
// `-template`) are dropped by each test file's teardown, except when a file is killed or its
// teardown fails. `npm test` drops what its own run left behind.
import pg from "pg"

const PATTERN = "medusa-%-integration-%"

function adminClient(env) {
  return new pg.Client({
    host: env.DB_HOST === "localhost" ? "127.0.0.1" : env.DB_HOST,
    port: Number(env.DB_PORT || 5432),
    user: env.DB_USERNAME || "postgres",
    password: env.DB_PASSWORD || undefined,
    database: "postgres",
  })
}

export async function listTestDatabases(env) {
  const client = adminClient(env)
  await client.connect()
  try {
    const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [PATTERN])
    return new Set(rows.map((r) => r.datname))
  } finally {
    await client.end()
  }
}

/**
 * Drops test databases that appeared during this run and nobody is connected to. Only when
 * `allowed` (our own embedded server, or CI's dedicated machine): on a PostgreSQL shared with other
 * people's test runs a new database may be theirs, so it is only listed.
 */
export async function dropLeftoverTestDatabases(env, before, { allowed }) {
  const client = adminClient(env)
  await client.connect()
  const dropped = []
  const kept = []
  try {
    const { rows } = await client.query(
      `SELECT d.datname FROM pg_database d
        WHERE d.datname LIKE $1 AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
      [PATTERN]
    )
    for (const { datname } of rows) {
      if (before.has(datname)) continue
      if (!allowed) {
        kept.push(datname)
        continue
      }
      await client.query(`DROP DATABASE IF EXISTS "${datname.replace(/"/g, '""')}" WITH (FORCE)`)
      dropped.push(datname)
    }
  } finally {
    await client.end()
  }
  return { dropped, kept }
}
