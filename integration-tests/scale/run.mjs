#!/usr/bin/env node
// The scale suite (issue 23 §1): the production build as two server instances and one worker behind
// the balancer, on one PostgreSQL and one Redis (scripts/lib/topology.mjs), and what must hold there:
// each scheduled job runs once per tick, on the worker only; an event is handled once; an
// idempotency key holds across the two servers; a server SIGKILLed mid-checkout loses nothing (the
// other serves, recovery completes, the money checker is clean); work queued while the worker is
// dead runs once when it is back.
// `node integration-tests/scale/run.mjs` (npm test -- scale; it reuses the e2e build in .medusa/server).
// Needs DB_* and REDIS_URL. Ports SCALE_PORT (default 9900: balancer, servers +1 +2, worker +3, PSP +10);
// database SCALE_DB_NAME (default snail_scale, dropped and recreated); Redis database SCALE_REDIS_DB (default 13, flushed).
import fs from "node:fs"
import path from "node:path"
import Redis from "ioredis"
import pg from "pg"
import { clients, completeCart, ledgerOf, moveLine, orderLines, readyCart, recover, shopContext } from "../faults/api.mjs"
import { expect, expectMoneyVerified } from "../faults/checks.mjs"
import { root, waitFor } from "../faults/stack.mjs"
import { prepareDatabase, productionEnv, startTopology, topologyPorts } from "../../scripts/lib/topology.mjs"

const started = Date.now()
const since = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s`
const log = (m) => console.log(`\x1b[36m[scale ${since()}]\x1b[0m ${m}`)
const JOB_TICK_S = 2 // the fiscal outbox job's schedule below

const env0 = process.env
if (!env0.REDIS_URL) {
  console.log("[scale] not run: REDIS_URL is not set (the instances share Redis)")
  process.exit(3)
}
const ports = topologyPorts(Number(env0.SCALE_PORT || 9900))
const dbName = env0.SCALE_DB_NAME || "snail_scale"
if (!/^snail_scale[a-z0-9_]*$/.test(dbName)) throw new Error(`SCALE_DB_NAME must start with snail_scale (got ${dbName})`)
const user = encodeURIComponent(env0.DB_USERNAME || "postgres")
const password = env0.DB_PASSWORD ? `:${encodeURIComponent(env0.DB_PASSWORD)}` : ""
const pgServer = `postgres://${user}${password}@${env0.DB_HOST || "localhost"}:${env0.DB_PORT || 5432}`
const redisUrl = (() => {
  const u = new URL(env0.REDIS_URL)
  u.pathname = `/${env0.SCALE_REDIS_DB || 13}`
  return u.toString()
})()
const logDir = path.join(root, ".logs/scale")

const env = productionEnv({
  databaseUrl: `${pgServer}/${dbName}`,
  redisUrl,
  ports,
  extra: {
    // A job that ticks every 2 s, so "once per tick" is seen over several ticks in seconds.
    FISCAL_RECEIPTS_SCHEDULE: `*/${JOB_TICK_S} * * * * *`,
    // Leases short enough that a killed server's checkout is taken over within the suite (as in the fault suite).
    PAYMENT_OPERATION_LEASE_MS: "5000",
    IDEMPOTENCY_LEASE_MS: "3000",
    ORDER_MONEY_LOCK_TTL_S: "5",
    CHECKOUT_RECOVERY_AFTER_MS: "2000",
    VERIFY_MONEY_GRACE_MS: "10000",
    SANDBOX_PSP_TIMEOUT_MS: "1500",
    LOG_LEVEL: "info",
    // The suite drives APIs only; serving the dashboard would add nothing but start-up time.
    ADMIN_DISABLED: "true",
  },
})

const results = []
let topology
const db = new pg.Client({ connectionString: env.DATABASE_URL })

async function scenario(name, fn) {
  const t = Date.now()
  const notes = []
  let error
  try {
    await fn(notes)
  } catch (e) {
    error = e
  }
  const seconds = (Date.now() - t) / 1000
  results.push({ name, ok: !error, seconds })
  console.log(`[scale] ${error ? "\x1b[31mFAIL\x1b[0m" : "\x1b[32mPASS\x1b[0m"} ${name.padEnd(46)} ${seconds.toFixed(1).padStart(5)} s  ${notes.join("; ")}${error ? ` \x1b[31m${error.message}\x1b[0m` : ""}`)
  if (error && error.name !== "Check") console.log(String(error.stack).split("\n").slice(1, 4).join("\n"))
}

// Ctrl-C or a CI timeout: every child runs in its own process group; signal them at once, then wait.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const p of [...Object.values(topology?.instances ?? {}), topology?.psp]) p?.kill("SIGTERM")
    Promise.resolve(topology?.stop()).finally(() => process.exit(130))
  })
}

try {
  fs.rmSync(logDir, { recursive: true, force: true })
  fs.mkdirSync(logDir, { recursive: true })
  const r = new Redis(redisUrl, { maxRetriesPerRequest: 1 })
  await r.flushdb()
  r.disconnect()
  let t = Date.now()
  // SCALE_TEMPLATE_DB (npm test, after the fault suite): that suite's freshly migrated and seeded
  // database, cloned in a second instead of migrating and seeding again (the same migrations and seed).
  const template = env0.SCALE_TEMPLATE_DB
  const seededCredentials = path.join(root, ".data/faults-credentials.json.seeded")
  let credentials
  if (template && (await databaseExists(template)) && fs.existsSync(seededCredentials)) {
    await recreateDatabase(dbName, template)
    credentials = JSON.parse(fs.readFileSync(seededCredentials, "utf8"))
    log(`database ${dbName} cloned from ${template} (${((Date.now() - t) / 1000).toFixed(0)} s); Redis ${redisUrl}`)
  } else {
    await recreateDatabase(dbName)
    credentials = await prepareDatabase(env, { credentialsFile: path.join(root, ".data/scale-credentials.json"), onLine: (l) => fs.appendFileSync(path.join(logDir, "prepare.log"), `${l}\n`) })
    log(`database ${dbName} migrated and seeded (${((Date.now() - t) / 1000).toFixed(0)} s); Redis ${redisUrl}`)
  }
  t = Date.now()
  topology = await startTopology({ env, ports, logDir, log })
  log(`topology up (${((Date.now() - t) / 1000).toFixed(0)} s): balancer ${topology.url} → :${ports.servers.join(", :")}; worker :${ports.worker}`)
  await db.connect()

  const stack = { credentials, serverUrl: topology.url, pspUrl: env.SANDBOX_PSP_URL, pspKey: env.SANDBOX_PSP_API_KEY }
  const c = clients(stack)
  const server = (name) => clients(stack, topology.instances[name].url, c)
  const shop = await shopContext(c)
  const orders = []

  await scenario("checkout through the balancer reaches both servers", async (notes) => {
    for (let i = 0; i < 2; i++) {
      const { cartId } = await readyCart(c, shop)
      const done = await completeCart(c, cartId, `scale-plain-${i}-${Date.now()}`)
      expect(done.status === 200 && done.data?.type === "order", `checkout ${i + 1}: ${done.status} ${JSON.stringify(done.data).slice(0, 200)}`)
      orders.push(done.data.order.id)
    }
    const served = topology.balancer.pool.map((u) => u.url)
    // Every server answered some of those requests: round robin reached both.
    const counts = await Promise.all(served.map(async (url) => requestsServed(url)))
    expect(counts.every((n) => n > 0), `requests per server: ${counts.join(", ")}`)
    notes.push(`2 orders; requests per server ${counts.join(" / ")}`)
  })

  await scenario("one idempotency key sent to both servers → one order", async (notes) => {
    const { cartId } = await readyCart(c, shop)
    const key = `scale-both-${Date.now()}`
    const answers = await Promise.all(["server-1", "server-2"].map((n) => completeCart(server(n), cartId, key)))
    const ids = new Set(answers.filter((a) => a.status === 200).map((a) => a.data?.order?.id).filter(Boolean))
    // One may be told the first is still in progress (409); retried, it gets the same order.
    const again = await waitFor(async () => {
      const a = await completeCart(server("server-2"), cartId, key)
      return a.status === 200 ? a : null
    }, "the retry with the same key did not get the order", { timeoutMs: 20_000, intervalMs: 500 })
    ids.add(again.data.order.id)
    expect(ids.size === 1, `orders answered: ${[...ids].join(", ")} (statuses ${answers.map((a) => a.status).join(", ")})`)
    const { rows } = await db.query(`select count(*)::int as n from order_cart oc join "order" o on o.id = oc.order_id where oc.cart_id = $1 and o.deleted_at is null`, [cartId])
    expect(rows[0].n === 1, `${rows[0].n} orders for the cart`)
    orders.push([...ids][0])
    notes.push(`statuses ${answers.map((a) => a.status).join(" + ")}, one order`)
  })

  await scenario("each event handled once (worker only)", async (notes) => {
    // Every order placed so far was announced once and processed by the worker, never by a server.
    await waitFor(() => countInLogs("Processing order.placed").worker >= orders.length || null, "the worker did not process every order.placed", { timeoutMs: 15_000 })
    const seen = countInLogs("Processing order.placed")
    expect(seen.worker === orders.length, `order.placed processed ${seen.worker} times on the worker for ${orders.length} orders`)
    expect(seen.servers === 0, `order.placed processed ${seen.servers} times on server instances`)
    notes.push(`${orders.length} orders → ${seen.worker} order.placed runs, all on the worker`)
  })

  await scenario("each scheduled job runs once per tick, on the worker", async (notes) => {
    const since = new Date()
    await waitFor(async () => {
      const { rows } = await db.query(`select count(*)::int as n from job_run where job_name = 'fiscal-receipts' and started_at >= $1`, [since])
      return rows[0].n >= 4 || null
    }, "fewer than 4 runs of the 2-second job", { timeoutMs: 20_000, intervalMs: 500 })
    // A duplicate (another instance, or one instance twice) makes more runs than ticks went by.
    // Runs are not bucketed by tick: under load a late run can start inside the next tick's window.
    const { rows: [span] } = await db.query(
      `select count(*)::int as n, extract(epoch from max(started_at) - min(started_at))::float as seconds
       from job_run where job_name = 'fiscal-receipts' and started_at >= $1`, [since])
    const ticks = Math.ceil(span.seconds / JOB_TICK_S) + 1 // ticks the span can touch
    expect(span.n <= ticks, `${span.n} runs of the ${JOB_TICK_S}-second job over ${span.seconds.toFixed(1)} s (${ticks} ticks)`)
    expect(span.n >= ticks - 2, `only ${span.n} runs over ${ticks} ticks: ticks were skipped`)
    const { rows: where } = await db.query(`select instance, count(*)::int as n from job_run group by 1`)
    expect(where.every((w) => w.instance.endsWith("/worker")), `job runs outside the worker: ${JSON.stringify(where)}`)
    const { rows: all } = await db.query(`select count(*)::int as n, count(distinct job_name)::int as jobs from job_run`)
    notes.push(`${span.n} runs in ${ticks} ticks of ${span.seconds.toFixed(1)} s; ${all[0].n} runs of ${all[0].jobs} job(s) in all, every one on the worker`)
  })

  await scenario("server SIGKILLed mid-checkout: the other serves, nothing lost", async (notes) => {
    const { cartId } = await readyCart(c, shop)
    const key = `scale-kill-${Date.now()}`
    const victim = topology.instances["server-1"]
    const inFlight = completeCart(server("server-1"), cartId, key)
    // Killed while it holds Medusa's cart completion lock, before its order exists: the window where a
    // dead server's lock (ttl 120 s, never renewed by Medusa) made every retry answer 409 for minutes.
    // The leased locking provider (src/modules/locking-lease) lets a dead holder's lock lapse within LOCK_LEASE_S.
    const lockKey = `medusa_lock:${cartId}`
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 })
    const held = await waitFor(async () => (await redis.exists(lockKey)) === 1 || null, "no lock", { timeoutMs: 20_000, intervalMs: 5 }).then(() => true, () => false)
    const orderBeforeKill = (await db.query(`select 1 from order_cart where cart_id = $1`, [cartId])).rowCount > 0
    victim.kill("SIGKILL")
    const killedAt = Date.now()
    const first = await inFlight
    const lockTtl = await redis.ttl(lockKey)
    redis.disconnect()
    // The balancer keeps serving from server-2 at once: no request is lost to the dead instance.
    const browse = await Promise.all(Array.from({ length: 10 }, () => c.store.request("GET", `/store/products?limit=5&region_id=${shop.regionId}`)))
    const bad = browse.filter((b) => b.status !== 200)
    expect(bad.length === 0, `${bad.length}/10 requests through the balancer failed after the kill: ${bad.map((b) => b.status || b.error).join(", ")}`)
    // Recovery (the worker's job every minute; run now through the balancer, as the fault suite does)
    // settles what the dead instance left open; the buyer retries with the same key and gets one order.
    let last
    let conflicts = 0
    const done = await waitFor(async () => {
      await recover(c)
      last = await completeCart(c, cartId, key, { timeoutMs: 45_000 })
      if (last.status === 409) conflicts += 1
      return last.status === 200 ? last : null
    }, "the retried checkout did not complete", { timeoutMs: 60_000, intervalMs: 1000 }).catch((e) => {
      throw new Error(`${e.message}; last answer ${last?.status || last?.error} ${JSON.stringify(last?.data ?? "").slice(0, 200)}`)
    })
    const retrySeconds = (Date.now() - killedAt) / 1000
    expect(done.data?.type === "order", `the retry answered ${JSON.stringify(done.data).slice(0, 200)}`)
    // Within the lease (15 s) and the retry's own work, not Medusa's 120 s lock.
    expect(retrySeconds < 45, `the retry completed ${retrySeconds.toFixed(0)} s after the kill`)
    const { rows } = await db.query(`select count(*)::int as n from order_cart where cart_id = $1`, [cartId])
    expect(rows[0].n === 1, `${rows[0].n} orders for the cart`)
    orders.push(done.data.order.id)
    notes.push(`killed ${held ? `holding the cart lock (ttl ${lockTtl} s left), ${orderBeforeKill ? "its order already placed" : "before its order existed"}` : "after 20 s without a cart lock"}; first answer ${first.status || first.error}; 10/10 reads served; retry → one order ${retrySeconds.toFixed(0)} s after the kill${conflicts ? ` (${conflicts} × 409 first)` : ""}`)
    notes.push(await expectMoneyVerified(c))
    // server-1 stays down: the rest of the suite runs on server-2 alone (a restart is a minute under load).
  })

  await scenario("worker killed: queued work runs once when it is back", async (notes) => {
    const orderId = orders[0]
    const { lines } = await orderLines(c, orderId)
    topology.instances.worker.kill("SIGKILL")
    await topology.instances.worker.exited
    // Capture the line (PAID → FULFILLING) while no worker runs: the ledger booking waits in Redis.
    const moved = await moveLine(c, orderId, lines[0].id, "FULFILLING")
    expect(moved.status === 200, `moving the line answered ${moved.status} ${JSON.stringify(moved.data).slice(0, 200)}`)
    await new Promise((r) => setTimeout(r, 1500))
    const before = await ledgerOf(c, orderId)
    expect(!before.some((e) => e.account === "MERCHANT_ESCROW" && e.amount !== 0), `the ledger was booked without a worker: ${JSON.stringify(before)}`)
    const back = await topology.restart("worker")
    const ledger = await waitFor(async () => {
      const l = await ledgerOf(c, orderId)
      return l.some((e) => e.account === "MERCHANT_ESCROW" && e.amount !== 0) ? l : null
    }, "the ledger was not booked after the worker came back", { timeoutMs: 30_000, intervalMs: 500 })
    notes.push(`worker back in ${back.toFixed(1)} s; escrow booked ${JSON.stringify(ledger.find((e) => e.account === "MERCHANT_ESCROW"))}`)
    notes.push(await expectMoneyVerified(c))
  })

  await scenario("SIGTERM: the request in flight completes, then exit 0", async (notes) => {
    const { cartId } = await readyCart(c, shop)
    const last = topology.instances["server-2"]
    const inFlight = completeCart(server("server-2"), cartId, `scale-term-${Date.now()}`)
    await new Promise((r) => setTimeout(r, 150))
    const t = Date.now()
    last.kill("SIGTERM")
    const [answer, exit] = await Promise.all([inFlight, last.exited])
    expect(answer.status === 200 && answer.data?.type === "order", `the request in flight answered ${answer.status || answer.error} ${JSON.stringify(answer.data ?? "").slice(0, 150)}`)
    expect(exit.code === 0, `the server exited with ${exit.signal ?? `code ${exit.code}`}`)
    notes.push(`order placed while draining; exit 0 after ${((Date.now() - t) / 1000).toFixed(1)} s`)
  })
} catch (e) {
  console.error(`\x1b[31m[scale] the harness failed: ${e?.stack ?? e}\x1b[0m`)
  results.push({ name: "harness", ok: false, seconds: 0 })
} finally {
  await db.end().catch(() => undefined)
  await topology?.stop()
}

const failed = results.filter((r) => !r.ok)
console.log(`\n[scale] ${results.length - failed.length}/${results.length} scenarios passed in ${since().trim()} (logs in .logs/scale/)`)
process.exit(failed.length ? 1 : 0)

/** How many requests an instance answered: its own /metrics (loopback, so no token). */
async function requestsServed(url) {
  const text = await (await fetch(`${url}/metrics`)).text()
  return text.split("\n").filter((l) => l.startsWith("snail_http_request_duration_seconds_count{")).reduce((a, l) => a + Number(l.split(" ").pop()), 0)
}

/** Occurrences of `needle` in the worker's log and in the servers' logs. */
function countInLogs(needle) {
  const count = (name) => {
    try {
      return fs.readFileSync(path.join(logDir, `${name}.log`), "utf8").split(needle).length - 1
    } catch {
      return 0
    }
  }
  return { worker: count("worker"), servers: count("server-1") + count("server-2") }
}

async function recreateDatabase(name, template) {
  const client = new pg.Client({ connectionString: `${pgServer}/postgres` })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`)
  } finally {
    await client.end()
  }
}

async function databaseExists(name) {
  const client = new pg.Client({ connectionString: `${pgServer}/postgres` })
  await client.connect()
  try {
    return (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1
  } finally {
    await client.end()
  }
}
