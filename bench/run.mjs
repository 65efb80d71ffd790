#!/usr/bin/env node
// Load scenarios against a RUNNING SnailMarketplace server (see bench/README.md).
//
//   BENCH_BASE_URL         server to load (default http://localhost:9000)
//   BENCH_PUBLISHABLE_KEY  store API key; default: .data/dev-credentials.json's publishable_key
//   BENCH_CONNECTIONS      concurrent connections (default 10, as in the vanilla figures)
//   BENCH_DURATION         seconds measured per scenario (default 15)
//   BENCH_WARMUP           seconds of unrecorded load before each scenario (default 5; 0 disables)
//   BENCH_SCENARIOS        comma-separated scenario names to run (default: all)
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

// Vanilla Medusa 2.21 on this machine kind (MEDUSA-NOTES, "Vanilla Medusa speed"):
// production build, Redis modules, 10k products × 3 variants, concurrency 10.
// Absolute figures depend on the machine; compare ratios, measured the same way.
const VANILLA = {
  "list": { rps: 29, p95: 410, what: "list 20 products" },
  "list-prices": { rps: 19, p95: 690, what: "list 20 products with calculated prices" },
  "product-page": { rps: 60, p95: 210, what: "product by id" },
}

class BenchError extends Error {}

function intFromEnv(name, fallback, min) {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) throw new BenchError(`${name} must be an integer ≥ ${min} (got "${raw}")`)
  return value
}

function readConfig() {
  const baseUrl = (process.env.BENCH_BASE_URL || "http://localhost:9000").replace(/\/+$/, "")
  let publishableKey = process.env.BENCH_PUBLISHABLE_KEY || ""
  let keySource = "BENCH_PUBLISHABLE_KEY"
  if (!publishableKey) {
    const file = path.join(repoRoot, ".data", "dev-credentials.json")
    keySource = path.relative(repoRoot, file)
    try {
      publishableKey = JSON.parse(fs.readFileSync(file, "utf8")).publishable_key || ""
    } catch (err) {
      if (err.code !== "ENOENT") throw new BenchError(`Cannot read ${keySource}: ${err.message}`)
    }
    if (!publishableKey) {
      throw new BenchError(
        `No publishable key: set BENCH_PUBLISHABLE_KEY, or start the platform with \`npm run dev\` ` +
          `(its seed writes ${keySource}).`
      )
    }
  }
  const only = (process.env.BENCH_SCENARIOS || "").split(",").map((s) => s.trim()).filter(Boolean)
  return {
    baseUrl,
    publishableKey,
    keySource,
    connections: intFromEnv("BENCH_CONNECTIONS", 10, 1),
    duration: intFromEnv("BENCH_DURATION", 15, 1),
    warmup: intFromEnv("BENCH_WARMUP", 5, 0),
    only,
  }
}

async function getJson(cfg, pathAndQuery) {
  const url = cfg.baseUrl + pathAndQuery
  let res
  try {
    res = await fetch(url, { headers: { "x-publishable-api-key": cfg.publishableKey } })
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

/** Looks up what the scenarios need: a region (for prices) and a product id. */
async function discover(cfg) {
  const health = await getJson(cfg, "/health")
  if (!health.ok) throw new BenchError(`${cfg.baseUrl}/health answered ${describeFailure(health)}`)

  const regions = await getJson(cfg, "/store/regions?limit=1&fields=id,name,currency_code")
  if (!regions.ok) throw new BenchError(`GET /store/regions failed: ${describeFailure(regions)}`)
  const region = regions.body.regions?.[0]
  if (!region) throw new BenchError("The store has no region: seed the platform first (npm run dev seeds it).")

  const products = await getJson(cfg, "/store/products?limit=1&fields=id,title")
  if (!products.ok) throw new BenchError(`GET /store/products failed: ${describeFailure(products)}`)
  const product = products.body.products?.[0]
  if (!product) throw new BenchError("The store lists no product: seed the platform first (npm run dev seeds it).")

  return { region, product, productCount: products.body.count }
}

function scenarios({ region, product }) {
  const prices = `region_id=${encodeURIComponent(region.id)}&fields=${encodeURIComponent("*variants.calculated_price")}`
  return [
    { name: "list", path: "/store/products?limit=20", what: "catalogue page: 20 products, default fields" },
    { name: "list-prices", path: `/store/products?limit=20&${prices}`, what: "catalogue page with calculated prices" },
    { name: "product-page", path: `/store/products/${encodeURIComponent(product.id)}?${prices}`, what: "one product with calculated prices" },
    { name: "list-service", path: "/store/products?kind=SERVICE", what: "catalogue filtered by the marketplace's product kind" },
  ]
}

function runAutocannon(cfg, url, duration, onLatency) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: cfg.connections,
        duration,
        headers: { "x-publishable-api-key": cfg.publishableKey, accept: "application/json" },
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

async function measure(cfg, scenario) {
  const url = cfg.baseUrl + scenario.path
  // One request first: a broken route fails fast with its error message instead of
  // producing thousands of identical non-2xx responses.
  const probe = await getJson(cfg, scenario.path)
  if (!probe.ok) {
    return { ...scenario, url, failed: true, failure: describeFailure(probe), non2xx: 1, errors: 0 }
  }
  if (cfg.warmup > 0) await runAutocannon(cfg, url, cfg.warmup)

  const latencies = []
  const r = await runAutocannon(cfg, url, cfg.duration, (ms) => latencies.push(ms))
  latencies.sort((a, b) => a - b)
  const total = r.totalCompletedRequests
  return {
    ...scenario,
    url,
    failed: r.non2xx > 0 || r.errors > 0,
    failure: r.non2xx > 0 || r.errors > 0 ? `${r.non2xx} non-2xx, ${r.errors} errors (${r.timeouts} timeouts)` : null,
    requests: total,
    durationS: r.duration,
    rpsMean: round(r.requests.mean),
    rpsOverall: round(total / r.duration),
    latencyMs: {
      mean: round(r.latency.mean),
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1] ?? null),
    },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats || {}).map(([code, s]) => [code, s.count])),
    vanilla: VANILLA[scenario.name] ?? null,
  }
}

function printTable(results) {
  const header = ["scenario", "req/s", "p50 ms", "p95 ms", "p99 ms", "non-2xx", "errors", "req/s ÷ vanilla", "p95 ÷ vanilla"]
  const rows = results.map((r) => {
    if (r.failed && r.requests === undefined) return [r.name, "-", "-", "-", "-", String(r.non2xx), String(r.errors), "-", "-"]
    const v = r.vanilla
    return [
      r.name,
      String(r.rpsMean),
      String(r.latencyMs.p50),
      String(r.latencyMs.p95),
      String(r.latencyMs.p99),
      String(r.non2xx),
      String(r.errors),
      v ? `${(r.rpsMean / v.rps).toFixed(2)} (of ${v.rps})` : "n/a",
      v ? `${(r.latencyMs.p95 / v.p95).toFixed(2)} (of ${v.p95})` : "n/a",
    ]
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
  console.log(
    `Benchmarking ${cfg.baseUrl} — ${cfg.connections} connections, ${cfg.duration}s per scenario` +
      (cfg.warmup ? ` after ${cfg.warmup}s warm-up` : "") +
      ` (publishable key from ${cfg.keySource})`
  )
  const found = await discover(cfg)
  console.log(`Region ${found.region.id} (${found.region.currency_code}), product ${found.product.id}, ${found.productCount} products listed`)

  const all = scenarios(found)
  const unknown = cfg.only.filter((name) => !all.some((s) => s.name === name))
  if (unknown.length) throw new BenchError(`Unknown scenario(s) ${unknown.join(", ")}; known: ${all.map((s) => s.name).join(", ")}`)
  const selected = cfg.only.length ? all.filter((s) => cfg.only.includes(s.name)) : all

  const results = []
  for (const scenario of selected) {
    process.stdout.write(`- ${scenario.name}: GET ${scenario.path} … `)
    const result = await measure(cfg, scenario)
    console.log(result.failed ? `FAILED (${result.failure})` : `${result.rpsMean} req/s, p95 ${result.latencyMs.p95} ms`)
    results.push(result)
  }
  printTable(results)

  const startedAt = new Date()
  const report = {
    date: startedAt.toISOString(),
    commit: gitCommit(),
    baseUrl: cfg.baseUrl,
    connections: cfg.connections,
    durationS: cfg.duration,
    warmupS: cfg.warmup,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memGiB: round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    dataset: { region: found.region.id, product: found.product.id, productCount: found.productCount },
    vanillaReference: VANILLA,
    scenarios: results,
  }
  fs.mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, "-")}.json`)
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n")
  console.log(`\nResults written to ${path.relative(process.cwd(), file) || file}`)
  console.log("Compare ratios, not absolute figures: the vanilla reference was measured on 10k products × 3 variants (see bench/README.md).")

  const failed = results.filter((r) => r.failed)
  if (failed.length) {
    console.error(`\n${failed.length} scenario(s) failed: ${failed.map((r) => `${r.name} (${r.failure})`).join("; ")}`)
    process.exitCode = 1
  }
}

main().catch((err) => {
  console.error(err instanceof BenchError ? `bench: ${err.message}` : err)
  process.exitCode = 1
})
