import { ModulesSdkUtils } from "@medusajs/framework/utils"
import { Client } from "pg"
import { PostgresSearchProvider } from "../../src/modules/search/providers/postgres"
import { SEARCH_SCHEMA_SQL } from "../../src/modules/search/schema-sql"
import { searchContract } from "../helpers/search-contract"

jest.setTimeout(60 * 1000)

// A throw-away database built by the module's own migration statements (real PostgreSQL, real
// pg_trgm/unaccent), dropped at the end.
const host = process.env.DB_HOST || "localhost"
const port = Number(process.env.DB_PORT || 5432)
const user = process.env.DB_USERNAME || "postgres"
const password = process.env.DB_PASSWORD || ""
const dbName = `search_contract_${process.pid}_${Date.now()}`
const url = (db: string) => `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${db}`

async function admin(sql: string) {
  const c = new Client({ connectionString: url("postgres") })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

describe("search provider contract: PostgreSQL", () => {
  let knex: any
  let provider: PostgresSearchProvider

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${dbName}"`)
    knex = ModulesSdkUtils.createPgConnection({ clientUrl: url(dbName), pool: { min: 0, max: 4 } } as any)
    for (const statement of SEARCH_SCHEMA_SQL) await knex.raw(statement)
    provider = new PostgresSearchProvider(knex)
  })

  afterAll(async () => {
    await knex?.destroy()
    await admin(`DROP DATABASE IF EXISTS "${dbName}"`)
  })

  searchContract(() => provider)
})
