import { ModulesSdkUtils } from "@medusajs/framework/utils"
import { Client } from "pg"
import { MeilisearchProvider } from "../../src/modules/search/providers/meilisearch"
import { PostgresSearchProvider } from "../../src/modules/search/providers/postgres"
import { SEARCH_SCHEMA_SQL } from "../../src/modules/search/schema-sql"
import { MeiliContractServer, startMeilisearchContractServer } from "../helpers/meilisearch-contract-server"
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

describe("search provider contract: Meilisearch (official client against the Meilisearch contract server)", () => {
  let server: MeiliContractServer
  let provider: MeilisearchProvider

  beforeAll(async () => {
    server = await startMeilisearchContractServer()
    provider = new MeilisearchProvider({ host: server.url, api_key: server.apiKey, index: "products_contract" })
  })

  afterAll(() => server?.close())

  searchContract(() => provider)

  it("surfaces Meilisearch errors: a wrong API key, and a failed task", async () => {
    const wrongKey = new MeilisearchProvider({ host: server.url, api_key: "not-the-key", index: "products_contract" })
    await expect(wrongKey.search({ q: "mug", limit: 5, offset: 0 })).rejects.toThrow(/API key is invalid/)
    // A task that fails on the server (here: deleting by a filter on an attribute someone made
    // non-filterable behind the provider's back) is an error, not a silent success.
    const broken = new MeilisearchProvider({ host: server.url, api_key: server.apiKey, index: "products_broken" })
    await broken.setup()
    const { Meilisearch } = require("meilisearch")
    await new Meilisearch({ host: server.url, apiKey: server.apiKey }).index("products_broken").updateSettings({ filterableAttributes: [] }).waitTask()
    await expect(broken.replaceProducts(["prod_mug_en"], [])).rejects.toThrow(/failed: invalid_document_filter/)
    await expect(broken.search({ q: "mug", kind: ["PHYSICAL"], limit: 5, offset: 0 })).rejects.toThrow(/not filterable/)
  })
})
