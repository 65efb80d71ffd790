#!/usr/bin/env node
// Load scenarios against a RUNNING SnailMarketplace server (see bench/README.md).
//
//   BENCH_BASE_URL         server to load (default http://localhost:9000)
//   BENCH_PUBLISHABLE_KEY  store API key; default: .data/dev-credentials.json's publishable_key
//   BENCH_CONNECTIONS      concurrent connections (default 10, as in the vanilla figures)
//   BENCH_DURATION         seconds measured per scenario (default 15)
//   BENCH_WARMUP           seconds of unrecorded load before each scenario (default 5; 0 disables)
//   BENCH_SCENARIOS        comma-separated scenario names to run (default: all)
//   BENCH_VANILLA_URL      a vanilla Medusa 2.21 loaded with the same catalogue (node bench/vanilla.mjs):
//                          each scenario then alternates between the two servers and prints ratios
//   BENCH_VANILLA_KEY      its publishable key (default: .data/vanilla-credentials.json)
//   BENCH_ROUNDS           measurements per server and scenario, interleaved (default 3 with a vanilla, else 1)
//
// Exits 1 when any scenario saw a non-2xx response or a request error, or when
// the server is not ready to be measured; results go to .data/bench-results/<timestamp>.json.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { execFileSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import autocannon from "autocannon"

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
// A dot-folder: `medusa develop` restarts on any other file written in the project (MEDUSA-NOTES pitfall 1).
const resultsDir = path.join(repoRoot, ".data", "bench-results")

class BenchError extends Error {}


function intFromEnv(name, fallback, min) {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) throw new BenchError(`${name} must be an integer ≥ ${min} (got "${raw}")`)
  return value
}

function keyFrom(envName, file, hint) {
  if (process.env[envName]) return { key: process.env[envName], source: envName }
  const full = path.join(repoRoot, ".data", file)
  try {
    const key = JSON.parse(fs.readFileSync(full, "utf8")).publishable_key
    if (key) return { key, source: path.relative(repoRoot, full) }
  } catch (err) {
    if (err.code !== "ENOENT") throw new BenchError(`Cannot read ${full}: ${err.message}`)
  }
  throw new BenchError(`No publishable key: set ${envName}, or ${hint} (it writes .data/${file}).`)
}

function readConfig() {
  const trim = (u) => u.replace(/\/+$/, "")
  const ours = { label: "ours", baseUrl: trim(process.env.BENCH_BASE_URL || "http://localhost:9000") }
  Object.assign(ours, keyFrom("BENCH_PUBLISHABLE_KEY", "dev-credentials.json", "start the platform with `npm run dev`"))
  let vanilla = null
  if (process.env.BENCH_VANILLA_URL) {
    vanilla = { label: "vanilla", baseUrl: trim(process.env.BENCH_VANILLA_URL) }
    Object.assign(vanilla, keyFrom("BENCH_VANILLA_KEY", "vanilla-credentials.json", "load it with `node bench/vanilla.mjs setup`"))
  }
  const only = (process.env.BENCH_SCENARIOS || "").split(",").map((s) => s.trim()).filter(Boolean)
  return {
    targets: vanilla ? [ours, vanilla] : [ours],
    connections: intFromEnv("BENCH_CONNECTIONS", 10, 1),
    duration: intFromEnv("BENCH_DURATION", 15, 1),
    warmup: intFromEnv("BENCH_WARMUP", 5, 0),
    rounds: intFromEnv("BENCH_ROUNDS", vanilla ? 3 : 1, 1),
    only,
  }
}

async function getJson(target, pathAndQuery) {
  const url = target.baseUrl + pathAndQuery
  let res
  try {
    res = await fetch(url, { headers: { "x-publishable-api-key": target.key } })
  } catch (err) {
    throw new BenchError(`Cannot reach ${url}: ${err.cause?.code || err.message}. Is the server running?`)
  }
  const text = await res.text()
  let body
  try {
    body = JSON.parse(text)
  } catch {
    body = text
  }
  return { status: res.status, ok: res.ok, body }
}

function describeFailure({ status, body }) {
  const detail = typeof body === "string" ? body : body?.message || JSON.stringify(body)
  return `HTTP ${status}: ${String(detail).slice(0, 300)}`
}

// Seeded, so both servers see the same sequence of pages, regions and words.
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * What the scenarios draw from on one server: its regions (each price region), the number of
 * listed products, and a pool of product ids from pages spread over the whole catalogue.
 */
async function discover(target) {
  const health = await getJson(target, "/health")
  if (!health.ok) throw new BenchError(`${target.baseUrl}/health answered ${describeFailure(health)}`)
  const regions = await getJson(target, "/store/regions?limit=50&fields=id,name,currency_code")
  if (!regions.ok) throw new BenchError(`GET /store/regions failed on ${target.label}: ${describeFailure(regions)}`)
  if (!regions.body.regions?.length) throw new BenchError(`${target.label} has no region: seed it first.`)
  const first = await getJson(target, "/store/products?limit=1&fields=id")
  if (!first.ok) throw new BenchError(`GET /store/products failed on ${target.label}: ${describeFailure(first)}`)
  const count = first.body.count
  if (!count) throw new BenchError(`${target.label} lists no product: seed it first.`)
  const pool = []
  const r = rng(7)
  for (let n = 0; n < 5; n++) {
    const offset = Math.floor(r() * Math.max(1, count - 50))
    const page = await getJson(target, `/store/products?limit=50&offset=${offset}&fields=id`)
    if (page.ok) pool.push(...page.body.products.map((p) => p.id))
  }
  return { regions: regions.body.regions, productCount: count, productIds: [...new Set(pool)] }
}

// Words of the generated catalogue (src/scripts/catalog/words.ts) in the three languages.
const WORDS = ["mug", "headphones", "ceramic", "wireless", "teapot", "lamp", "yoga", "course", "кружка", "наушники", "чайник", "سماعات", "كوب"]

/**
 * Every scenario draws its page, region, product or word at random (seeded), so with the caching
 * module on these are cache misses, not one URL repeated. `vanilla: false`: no vanilla equivalent.
 */
function scenarios() {
  const prices = encodeURIComponent("*variants.calculated_price")
  // Pages from the first 2 000 products: deep offsets cost every server more, equally.
  const page = (d, r) => 20 * Math.floor(r() * Math.min(100, Math.floor(d.productCount / 20)))
  const pick = (list, r) => list[Math.floor(r() * list.length)]
  return [
    { name: "list", what: "catalogue page: 20 products, default fields, random page", make: (d, r) => `/store/products?limit=20&offset=${page(d, r)}` },
    {
      name: "list-prices", what: "catalogue page with calculated prices, random page and region",
      make: (d, r) => `/store/products?limit=20&offset=${page(d, r)}&region_id=${pick(d.regions, r).id}&fields=${prices}`,
    },
    {
      name: "product-page", what: "one random product with calculated prices in a random region",
      make: (d, r) => `/store/products/${pick(d.productIds, r)}?region_id=${pick(d.regions, r).id}&fields=${prices}`,
    },
    { name: "products-q", what: "keyword search through Medusa's own route, random word", make: (d, r) => `/store/products?q=${encodeURIComponent(pick(WORDS, r))}&limit=20` },
    { name: "list-service", what: "catalogue filtered by the marketplace's product kind", make: () => "/store/products?kind=SERVICE", vanilla: false },
  ]
}

function runAutocannon(cfg, target, make, seconds, onLatency) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.baseUrl,
        connections: cfg.connections,
        duration: seconds,
        headers: { "x-publishable-api-key": target.key, accept: "application/json" },
        requests: [{ setupRequest: (req) => ({ ...req, path: make() }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result))
    )
    if (onLatency) instance.on("response", (_client, _status, _bytes, responseTime) => onLatency(responseTime))
  })
}

// autocannon's own percentiles skip p95 (it reports p90 and p97.5), so
// latencies are collected per response and ranked here (nearest-rank).
function percentile(sorted, p) {
  if (!sorted.length) return null
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

const round = (n, digits = 1) => (n === null || n === undefined ? null : Math.round(n * 10 ** digits) / 10 ** digits)
const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b)
  if (!s.length) return null
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

async function measure(cfg, target, data, scenario, roundNo) {
  const r = rng(1000 + roundNo)
  const make = () => scenario.make(data, r)
  // One request first: a broken route fails fast with its error message instead of
  // producing thousands of identical non-2xx responses.
  const probe = await getJson(target, make())
  if (!probe.ok) return { failed: true, failure: describeFailure(probe), non2xx: 1, errors: 0 }
  if (cfg.warmup > 0) await runAutocannon(cfg, target, make, cfg.warmup)
  const latencies = []
  const res = await runAutocannon(cfg, target, make, cfg.duration, (ms) => latencies.push(ms))
  latencies.sort((a, b) => a - b)
  // Requests still in flight when the run ends are not counted: a server slower than the run answers nothing.
  const none = res.requests.total === 0
  return {
    failed: res.non2xx > 0 || res.errors > 0 || none,
    failure: none ? `no answer completed within ${cfg.duration}s: raise BENCH_DURATION`
      : res.non2xx > 0 || res.errors > 0 ? `${res.non2xx} non-2xx, ${res.errors} errors (${res.timeouts} timeouts)` : null,
    requests: res.requests.total,
    rpsMean: round(res.requests.mean),
    latencyMs: { mean: round(res.latency.mean), p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)) },
    non2xx: res.non2xx,
    errors: res.errors,
    statusCodes: Object.fromEntries(Object.entries(res.statusCodeStats || {}).map(([code, s]) => [code, s.count])),
  }
}

function summarize(runs) {
  const ok = runs.filter((x) => x.requests)
  return {
    rounds: runs.length,
    rps: round(median(ok.map((x) => x.rpsMean))),
    p50: round(median(ok.map((x) => x.latencyMs.p50))),
    p95: round(median(ok.map((x) => x.latencyMs.p95))),
    non2xx: runs.reduce((n, x) => n + (x.non2xx || 0), 0),
    errors: runs.reduce((n, x) => n + (x.errors || 0), 0),
    failed: runs.some((x) => x.failed),
    failure: runs.find((x) => x.failure)?.failure ?? null,
  }
}

function printTable(results, withVanilla) {
  const header = ["scenario", "req/s", "p50 ms", "p95 ms", "non-2xx", "errors"]
  if (withVanilla) header.push("vanilla req/s", "vanilla p95", "req/s ÷ vanilla", "p95 ÷ vanilla")
  const cell = (v) => (v === null || v === undefined ? "-" : String(v))
  const rows = results.map((r) => {
    const o = r.ours
    const row = [r.name, cell(o.rps), cell(o.p50), cell(o.p95), cell(o.non2xx), cell(o.errors)]
    if (withVanilla) {
      const v = r.vanilla
      if (!v) row.push("n/a", "n/a", "n/a", "n/a")
      else row.push(cell(v.rps), cell(v.p95), o.rps && v.rps ? (o.rps / v.rps).toFixed(2) : "-", o.p95 && v.p95 ? (o.p95 / v.p95).toFixed(2) : "-")
    }
    return row
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")
  console.log("\n" + line(header))
  console.log(widths.map((w) => "-".repeat(w)).join("  "))
  for (const row of rows) console.log(line(row))
}

function gitCommit() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot, stdio: ["ignore", "pipe", "ignore"] }).toString().trim()
  } catch {
    return null
  }
}

async function main() {
  const cfg = readConfig()
  const [ours, vanilla] = cfg.targets
  console.log(
    `Benchmarking ${ours.baseUrl}` + (vanilla ? ` against vanilla ${vanilla.baseUrl} (interleaved, ${cfg.rounds} rounds, medians)` : " (no BENCH_VANILLA_URL: no ratios)") +
      ` — ${cfg.connections} connections, ${cfg.duration}s per run` + (cfg.warmup ? ` after ${cfg.warmup}s warm-up` : "")
  )
  const data = new Map()
  for (const t of cfg.targets) {
    const d = await discover(t)
    data.set(t.label, d)
    console.log(`${t.label}: ${d.productCount} products listed, ${d.regions.length} regions, ${d.productIds.length} product ids in the pool (key from ${t.source})`)
  }

  const all = scenarios()
  const unknown = cfg.only.filter((name) => !all.some((s) => s.name === name))
  if (unknown.length) throw new BenchError(`Unknown scenario(s) ${unknown.join(", ")}; known: ${all.map((s) => s.name).join(", ")}`)
  const selected = cfg.only.length ? all.filter((s) => cfg.only.includes(s.name)) : all

  const results = []
  for (const scenario of selected) {
    const targets = cfg.targets.filter((t) => t.label === "ours" || scenario.vanilla !== false)
    const runs = Object.fromEntries(targets.map((t) => [t.label, []]))
    for (let n = 0; n < cfg.rounds; n++) {
      // Alternate who goes first, so neither side always runs on a machine the other just warmed or loaded.
      const order = n % 2 ? [...targets].reverse() : targets
      for (const t of order) {
        const m = await measure(cfg, t, data.get(t.label), scenario, n)
        runs[t.label].push(m)
        console.log(`- ${scenario.name} [${t.label} ${n + 1}/${cfg.rounds}]: ${m.requests === undefined ? `FAILED (${m.failure})` : `${m.rpsMean} req/s, p95 ${m.latencyMs.p95} ms${m.failed ? ` (${m.failure})` : ""}`}`)
      }
    }
    results.push({ name: scenario.name, what: scenario.what, ours: summarize(runs.ours), vanilla: runs.vanilla ? summarize(runs.vanilla) : null, runs })
  }
  printTable(results, Boolean(vanilla))

  const startedAt = new Date()
  const report = {
    date: startedAt.toISOString(),
    commit: gitCommit(),
    targets: cfg.targets.map((t) => ({ label: t.label, baseUrl: t.baseUrl, productCount: data.get(t.label).productCount })),
    connections: cfg.connections,
    durationS: cfg.duration,
    warmupS: cfg.warmup,
    rounds: cfg.rounds,
    loadAverage: os.loadavg(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memGiB: round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    scenarios: results,
  }
  fs.mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, "-")}.json`)
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n")
  console.log(`\nResults written to ${path.relative(process.cwd(), file) || file} (load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(" ")})`)

  const failed = results.filter((r) => r.ours.failed || r.vanilla?.failed)
  if (failed.length) {
    console.error(`\n${failed.length} scenario(s) failed: ${failed.map((r) => `${r.name} (${r.ours.failure ?? r.vanilla?.failure})`).join("; ")}`)
    process.exitCode = 1
  }
}

main().catch((err) => {
  console.error(err instanceof BenchError ? `bench: ${err.message}` : err)
  process.exitCode = 1
})
