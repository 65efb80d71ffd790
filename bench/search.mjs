#!/usr/bin/env node
// Search load scenarios against a RUNNING server (bench/README.md, "Search"). Each request picks
// its query, region and filters at random (seeded), so caches and the planner see varied work.
//
//   BENCH_BASE_URL, BENCH_PUBLISHABLE_KEY, BENCH_CONNECTIONS (10), BENCH_DURATION (10 s),
//   BENCH_WARMUP (3 s), BENCH_SCENARIOS (comma list) — as in bench/run.mjs.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import autocannon from "autocannon"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const env = process.env
const baseUrl = (env.BENCH_BASE_URL || "http://localhost:9000").replace(/\/+$/, "")
const key = env.BENCH_PUBLISHABLE_KEY || JSON.parse(fs.readFileSync(path.join(root, ".data", "dev-credentials.json"), "utf8")).publishable_key
const connections = Number(env.BENCH_CONNECTIONS || 10)
const duration = Number(env.BENCH_DURATION || 10)
const warmup = Number(env.BENCH_WARMUP || 3)
const only = (env.BENCH_SCENARIOS || "").split(",").filter(Boolean)

// Words the generated catalogue (npm run seed:catalog) uses, in the three languages, plus typos.
const WORDS = ["mug", "headphones", "ceramic mug", "wireless", "teapot", "lamp", "yoga", "course", "кружки", "наушники", "чайник", "плед", "سماعات", "كوب", "شمعة", "hedphones", "teapt", "wireles"]
const SORTS = ["relevance", "price_asc", "price_desc", "newest"]
const KINDS = ["PHYSICAL", "SERVICE", "COURSE"]

let seed = 42
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
const pick = (list) => list[Math.floor(rand() * list.length)]

const headers = { "x-publishable-api-key": key }
const get = async (p) => {
  const res = await fetch(baseUrl + p, { headers })
  if (!res.ok) throw new Error(`${p} → ${res.status} ${await res.text()}`)
  return res.json()
}

const { regions } = await get("/store/regions?limit=10")
if (!regions?.length) throw new Error("No regions: seed the store first (npm run seed, npm run seed:catalog -- N)")
const regionIds = regions.map((r) => r.id)
const dataset = await get(`/store/search?region_id=${regionIds[0]}&limit=1`)
const categories = dataset.facets.category.map((c) => c.value)
const merchants = dataset.facets.merchant.map((m) => m.value)

const SCENARIOS = {
  "search-q": () => `/store/search?region_id=${pick(regionIds)}&q=${encodeURIComponent(pick(WORDS))}&limit=20`,
  "search-q-facets-filters": () =>
    `/store/search?region_id=${pick(regionIds)}&q=${encodeURIComponent(pick(WORDS))}&kind=${pick(KINDS)}&sort=${pick(SORTS)}` +
    (rand() < 0.5 && categories.length ? `&category_id=${pick(categories)}` : "") + (rand() < 0.3 ? "&available=true" : "") + "&limit=20",
  "search-browse": () =>
    `/store/search?region_id=${pick(regionIds)}&sort=${pick(SORTS)}&offset=${20 * Math.floor(rand() * 10)}` +
    (rand() < 0.5 && merchants.length ? `&merchant_id=${pick(merchants)}` : "") + "&limit=20",
  "suggest": () => `/store/search/suggest?region_id=${pick(regionIds)}&q=${encodeURIComponent(pick(WORDS).slice(0, 4))}`,
  "products-q": () => `/store/products?q=${encodeURIComponent(pick(WORDS))}&limit=20`,
}

async function run(name, make, seconds) {
  const latencies = []
  const result = await autocannon({
    url: baseUrl, connections, duration: seconds, headers,
    requests: [{ setupRequest: (req) => ({ ...req, path: make() }) }],
    setupClient: (client) => client.on("response", (_s, _b, ms) => latencies.push(ms)),
  })
  latencies.sort((a, b) => a - b)
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]
  return {
    name, requests: result.requests.total, rps: Math.round(result.requests.average * 10) / 10,
    p50: q(0.5), p95: q(0.95), p99: q(0.99), non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts,
  }
}

const rows = []
for (const [name, make] of Object.entries(SCENARIOS)) {
  if (only.length && !only.includes(name)) continue
  await get(make()) // fails loudly before load if the route is broken
  if (warmup) await run(name, make, warmup)
  const r = await run(name, make, duration)
  rows.push(r)
  console.log(`${name.padEnd(26)} ${String(r.rps).padStart(7)} req/s  p50 ${String(r.p50).padStart(5)} ms  p95 ${String(r.p95).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  non2xx ${r.non2xx} errors ${r.errors}`)
}
const out = path.join(root, ".data", "bench-results")
fs.mkdirSync(out, { recursive: true })
const file = path.join(out, `search-${new Date().toISOString().replace(/[:.]/g, "-")}.json`)
fs.writeFileSync(file, JSON.stringify({ baseUrl, connections, duration, warmup, products_in_index: dataset.total, rows }, null, 2))
console.log(`written ${path.relative(root, file)} (index: ${dataset.total} products in ${regions[0].currency_code})`)
if (rows.some((r) => r.non2xx || r.errors)) process.exitCode = 1
