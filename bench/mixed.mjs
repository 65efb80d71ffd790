#!/usr/bin/env node
// Mixed storefront load at fixed arrival rates (issue 23 §2) against a RUNNING stack, normally
// `npm run stack:prod` (two servers + worker behind the balancer). Open loop: requests start on a
// clock whatever the answers' speed, as buyers do — a closed-loop tool (autocannon's connections)
// slows down with the server and hides queueing. Steps and their share of arrivals:
//   browse 35 % (GET /store/products?limit=20), search 20 % (?q=…), product 30 % (GET /store/products/:id),
//   add to cart 10 % (POST /store/carts/:id/line-items on a new cart), checkout 5 % (a whole guest checkout
//   with the sandbox card; the step's time is the completion's).
// Phases: steady BENCH_STEADY_RPS (30) for BENCH_STEADY_S (30 s), peak BENCH_PEAK_RPS (150) for
// BENCH_PEAK_S (20 s), overload BENCH_OVERLOAD_RPS (300) for BENCH_OVERLOAD_S (10 s; 0 skips): there
// only 2xx, 429 or 503 with Retry-After are acceptable ("safe degradation"), any other 5xx is counted.
//   BENCH_BASE_URL (default http://localhost:9400, the stack:prod balancer), BENCH_PUBLISHABLE_KEY
//   (default: .data/stack-prod-credentials.json). Results: .data/bench-results/mixed-<time>.json.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const base = (process.env.BENCH_BASE_URL || "http://localhost:9400").replace(/\/+$/, "")
const pk = process.env.BENCH_PUBLISHABLE_KEY || JSON.parse(fs.readFileSync(path.join(root, ".data/stack-prod-credentials.json"), "utf8")).publishable_key
const num = (name, d) => Number(process.env[name] ?? d)
const PHASES = [
  { name: "steady", rps: num("BENCH_STEADY_RPS", 30), seconds: num("BENCH_STEADY_S", 30) },
  { name: "peak", rps: num("BENCH_PEAK_RPS", 150), seconds: num("BENCH_PEAK_S", 20) },
  { name: "overload", rps: num("BENCH_OVERLOAD_RPS", 300), seconds: num("BENCH_OVERLOAD_S", 10) },
].filter((p) => p.seconds > 0)
const MIX = [["browse", 0.35], ["search", 0.2], ["product", 0.3], ["add_to_cart", 0.1], ["checkout", 0.05]]
const ADDRESS = { first_name: "Lo", last_name: "Ad", address_1: "1 Bench Street", city: "Berlin", country_code: "de", postal_code: "10115" }
const TERMS = ["snail", "mug", "shell", "lesson", "garden", "tea"]

async function call(method, p, body) {
  const t = performance.now()
  try {
    const res = await fetch(`${base}${p}`, {
      method,
      headers: { "content-type": "application/json", "x-publishable-api-key": pk },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    })
    const text = await res.text()
    let data
    try {
      data = JSON.parse(text)
    } catch {
      data = text
    }
    return { status: res.status, ms: performance.now() - t, data, retryAfter: res.headers.get("retry-after") }
  } catch (e) {
    return { status: 0, ms: performance.now() - t, error: e?.cause?.code ?? e?.name }
  }
}

async function fail(res, what) {
  if (res.status < 200 || res.status >= 300) throw Object.assign(new Error(`${what}: ${res.status}`), { res })
  return res.data
}

// What every step needs: a region with the sandbox PSP, some products and one stocked variant.
const { regions } = await fail(await call("GET", "/store/regions?currency_code=eur"), "regions")
const region = regions.find((r) => r.currency_code === "eur") ?? regions[0]
const { products } = await fail(await call("GET", `/store/products?limit=50&region_id=${region.id}&fields=id,handle,*variants`), "products")
const buyable = products.find((p) => p.handle === (process.env.BENCH_PRODUCT_HANDLE || "snail-shell-mug")) ?? products[0]
const variantId = buyable.variants[0].id

const steps = {
  browse: () => call("GET", `/store/products?limit=20&region_id=${region.id}`),
  search: () => call("GET", `/store/products?q=${TERMS[Math.floor(Math.random() * TERMS.length)]}&limit=20&region_id=${region.id}`),
  product: () => call("GET", `/store/products/${products[Math.floor(Math.random() * products.length)].id}?region_id=${region.id}`),
  async add_to_cart() {
    const created = await call("POST", "/store/carts", { region_id: region.id })
    if (created.status !== 200) return created
    return call("POST", `/store/carts/${created.data.cart.id}/line-items`, { variant_id: variantId, quantity: 1 })
  },
  async checkout() {
    try {
      const email = `bench-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@bench.local`
      const { cart } = await fail(await call("POST", "/store/carts", { region_id: region.id, email, shipping_address: ADDRESS, billing_address: ADDRESS }), "cart")
      await fail(await call("POST", `/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 }), "line")
      const { shipping_options } = await fail(await call("GET", `/store/shipping-options?cart_id=${cart.id}`), "options")
      await fail(await call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id }), "shipping")
      const { payment_collection } = await fail(await call("POST", "/store/payment-collections", { cart_id: cart.id }), "collection")
      await fail(await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }), "session")
      const done = await call("POST", `/store/carts/${cart.id}/complete`, {})
      if (done.status === 200 && done.data?.type !== "order") return { ...done, status: 422 }
      return done
    } catch (e) {
      return e.res ?? { status: 0, ms: 0, error: e.message }
    }
  },
}

const pick = () => {
  let r = Math.random()
  for (const [name, share] of MIX) if ((r -= share) <= 0) return name
  return MIX[0][0]
}
const pct = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0)

async function phase({ name, rps, seconds }) {
  const samples = Object.fromEntries(MIX.map(([s]) => [s, []]))
  const running = []
  const start = performance.now()
  const total = Math.round(rps * seconds)
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rps
    const wait = due - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const step = pick()
    running.push(steps[step]().then((res) => samples[step].push(res)))
  }
  await Promise.all(running)
  const wall = (performance.now() - start) / 1000
  const report = { phase: name, target_rps: rps, seconds, achieved_arrivals_per_s: +(total / wall).toFixed(1), steps: {} }
  for (const [step, list] of Object.entries(samples)) {
    const ok = list.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.ms).sort((a, b) => a - b)
    const statuses = {}
    for (const r of list) statuses[r.status || r.error || "error"] = (statuses[r.status || r.error || "error"] ?? 0) + 1
    const shed = list.filter((r) => (r.status === 429 || r.status === 503) && r.retryAfter).length
    const unsafe = list.filter((r) => r.status === 0 || (r.status >= 500 && !((r.status === 503) && r.retryAfter))).length
    report.steps[step] = { n: list.length, ok: ok.length, p50_ms: Math.round(pct(ok, 0.5)), p95_ms: Math.round(pct(ok, 0.95)), shed_with_retry_after: shed, unsafe_errors: unsafe, statuses }
  }
  return report
}

const results = []
for (const p of PHASES) {
  console.log(`[bench] ${p.name}: ${p.rps} arrivals/s for ${p.seconds} s against ${base}…`)
  const r = await phase(p)
  results.push(r)
  console.log(`  achieved ${r.achieved_arrivals_per_s}/s`)
  for (const [s, v] of Object.entries(r.steps)) {
    console.log(`  ${s.padEnd(12)} n=${String(v.n).padStart(5)} ok=${String(v.ok).padStart(5)} p50=${String(v.p50_ms).padStart(5)} ms p95=${String(v.p95_ms).padStart(5)} ms shed=${v.shed_with_retry_after} unsafe=${v.unsafe_errors} ${JSON.stringify(v.statuses)}`)
  }
  await new Promise((r) => setTimeout(r, 3000)) // let queues drain between phases
}
const dir = path.join(root, ".data/bench-results")
fs.mkdirSync(dir, { recursive: true })
const file = path.join(dir, `mixed-${new Date().toISOString().replace(/[:.]/g, "-")}.json`)
fs.writeFileSync(file, JSON.stringify({ base, results }, null, 2))
console.log(`[bench] written ${path.relative(root, file)}`)
