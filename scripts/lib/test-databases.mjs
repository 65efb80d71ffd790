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

/** Drops one database this run created by name (the fault suite's seeded copy). */
export async function dropDatabase(env, name) {
  const client = adminClient(env)
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

/** Creates an empty database by name, dropping an older one of that name first. */
export async function createEmptyDatabase(env, name) {
  const client = adminClient(env)
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
}

/** The connection URL of one database on the test server. */
export function databaseUrl(env, name) {
  const auth = `${encodeURIComponent(env.DB_USERNAME || "postgres")}${env.DB_PASSWORD ? `:${encodeURIComponent(env.DB_PASSWORD)}` : ""}`
  return `postgres://${auth}@${env.DB_HOST}:${env.DB_PORT || 5432}/${name}`
}
