// Picks the database for a launcher: DATABASE_URL when set, otherwise a project-local embedded PostgreSQL.
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres.mjs"

export async function resolveDatabase({ dataDir, port, database, log }) {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} }
  }
  log(`No DATABASE_URL: starting the embedded PostgreSQL in ${dataDir} on port ${port}…`)
  const pg = await startEmbeddedPostgres({ dataDir, port })
  await ensureDatabase(pg.urlFor("postgres"), database)
  return { url: pg.urlFor(database), embedded: true, stop: () => pg.stop() }
}
