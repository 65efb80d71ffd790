#!/usr/bin/env node
// Cart completion under concurrency: prepares N carts (not timed), then completes them with C
// buyers at once and reports p50/p95/p99 latency and orders per second.
//   BENCH_BASE_URL (http://localhost:9000), BENCH_PUBLISHABLE_KEY (from .data/dev-credentials.json),
//   BENCH_CHECKOUTS (40), BENCH_CHECKOUT_CONCURRENCY (5), BENCH_PRODUCT_HANDLE (sourdough-baking: a course, no shipping),
//   BENCH_PROVIDER (pp_sandbox_sandbox: the card processor stand-in, so the sandbox PSP must run),
//   BENCH_PROVIDER_DATA (JSON session data; for the sandbox a test card that authorizes, else {})
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const base = (process.env.BENCH_BASE_URL || "http://localhost:9000").replace(/\/$/, "")
const key = process.env.BENCH_PUBLISHABLE_KEY || JSON.parse(fs.readFileSync(path.join(root, ".data/dev-credentials.json"), "utf8")).publishable_key
const total = Number(process.env.BENCH_CHECKOUTS || 40)
const concurrency = Number(process.env.BENCH_CHECKOUT_CONCURRENCY || 5)
const handle = process.env.BENCH_PRODUCT_HANDLE || "sourdough-baking"
const provider = process.env.BENCH_PROVIDER || "pp_sandbox_sandbox"
// The sandbox authorizes at completion with the card the buyer entered; 4242… is its always-approved card.
const providerData = process.env.BENCH_PROVIDER_DATA
  ? JSON.parse(process.env.BENCH_PROVIDER_DATA)
  : provider === "pp_sandbox_sandbox" ? { card_number: "4242424242424242" } : {}

async function call(method, url, body) {
  const res = await fetch(base + url, {
    method,
    headers: { "content-type": "application/json", "x-publishable-api-key": key },
    body: body ? JSON.stringify(body) : undefined,
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(data).slice(0, 200)}`)
  return data
}

const { regions } = await call("GET", "/store/regions")
const region = regions.find((r) => r.currency_code === "eur") ?? regions[0]
const { products } = await call("GET", `/store/products?handle=${handle}&fields=id,variants.id`)
if (!products.length) throw new Error(`No product with handle ${handle}`)
const variantId = products[0].variants[0].id

console.log(`Preparing ${total} carts (${handle}, ${region.currency_code.toUpperCase()}, ${provider})…`)
const carts = []
for (let i = 0; i < total; i++) {
  const { cart } = await call("POST", "/store/carts", { region_id: region.id, email: `bench${i}@buyer.local` })
  await call("POST", `/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 })
  const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cart.id })
  await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: provider, data: providerData })
  carts.push(cart.id)
}

console.log(`Completing them, ${concurrency} at a time…`)
const latencies = []
let failures = 0
const started = performance.now()
let next = 0
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < carts.length) {
      const id = carts[next++]
      const t = performance.now()
      try {
        const res = await call("POST", `/store/carts/${id}/complete`, {})
        if (res.type !== "order") throw new Error(JSON.stringify(res).slice(0, 200))
        latencies.push(performance.now() - t)
      } catch (e) {
        failures++
        console.error(e.message)
      }
    }
  })
)
const seconds = (performance.now() - started) / 1000
latencies.sort((a, b) => a - b)
const pct = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN)
console.log(`\ncart completion (${provider}), concurrency ${concurrency}, ${latencies.length} orders in ${seconds.toFixed(1)} s`)
console.log(`  orders/s ${(latencies.length / seconds).toFixed(2)}   p50 ${pct(50)} ms   p95 ${pct(95)} ms   p99 ${pct(99)} ms   failures ${failures}`)
console.log(`  vanilla Medusa on this machine kind (MEDUSA-NOTES): p95 ≈ 1000 ms at 5 buyers, ≈ 1.4 orders/s`)
process.exit(failures ? 1 : 0)
