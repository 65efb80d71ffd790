// The real stack for the fault suite: a fresh database (migrated and seeded once), the sandbox PSP
// and `medusa start` as child processes — on the production build in FAULTS_SERVER_DIR when npm test
// made one (the artifact that is deployed, so the crashes are those of the code that runs in
// production), else on the sources. The server is restarted with
// SNAIL_FAULT_POINTS set to arm one fault point (src/lib/faults/fault-points.ts); the harness
// then sees it die by SIGKILL and restarts it clean.
import { spawn } from "node:child_process"
import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import Redis from "ioredis"
import pg from "pg"

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..")
const medusaBin = path.join(root, "node_modules/.bin/medusa")
const tsNode = path.join(root, "node_modules/.bin/ts-node")
const logDir = path.join(root, ".logs/faults")

/** Polls `check` until it returns a truthy value; throws `message` (with the last value) after `timeoutMs`. */
export async function waitFor(check, message, { timeoutMs = 20_000, intervalMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs
  let last
  for (;;) {
    try {
      last = await check()
      if (last) return last
    } catch (e) {
      if (e?.fatal) throw e // waiting cannot help (a missing endpoint)
      last = e?.message ?? e
    }
    if (Date.now() > deadline) throw Object.assign(new Error(`${message} (waited ${Math.round(timeoutMs / 1000)} s; last: ${typeof last === "string" ? last : JSON.stringify(last)?.slice(0, 300)})`), { name: "Check" })
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

/** A long-running child with its output in a log file; `exited` resolves with { code, signal }. */
function startChild(name, cmd, args, { env, cwd = root, onStderr } = {}) {
  fs.mkdirSync(logDir, { recursive: true })
  const logFile = path.join(logDir, `${name}.log`)
  const out = fs.openSync(logFile, "a")
  const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ["ignore", out, "pipe"] })
  child.stderr.on("data", (chunk) => {
    fs.appendFileSync(logFile, chunk)
    onStderr?.(chunk.toString())
  })
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })))
  exited.then(() => fs.closeSync(out))
  return {
    child,
    logFile,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited
      signalGroup(child.pid, "SIGTERM")
      const timer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), timeoutMs)
      const result = await exited
      clearTimeout(timer)
      signalGroup(child.pid, "SIGKILL") // forked helpers of the group must not keep the port
      return result
    },
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal)
  } catch {
    /* already gone */
  }
}

function runToEnd(name, cmd, args, { env, timeoutMs }) {
  const proc = startChild(name, cmd, args, { env })
  const timer = setTimeout(() => signalGroup(proc.child.pid, "SIGKILL"), timeoutMs)
  return proc.exited.then(({ code, signal }) => {
    clearTimeout(timer)
    if (code !== 0) throw new Error(`${name} failed (${signal ?? `exit code ${code}`}); see ${proc.logFile}`)
  })
}

export function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n")
  } catch {
    return "(no log)"
  }
}

/**
 * @param {{ log: (m: string) => void, env?: Record<string,string> }} o
 * Ports: FAULTS_PORT (server, default 9520) and FAULTS_PORT+1 (PSP). Database FAULTS_DB_NAME
 * (default snail_faults_suite) on DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD, dropped and created afresh.
 * Redis: REDIS_URL with the database index FAULTS_REDIS_DB (default 12), flushed at start, so the
 * suite's queues and locks never meet another server's.
 */
export async function createStack({ log, env: baseEnv = process.env }) {
  const port = Number(baseEnv.FAULTS_PORT || 9520)
  const pspPort = port + 1
  const dbName = baseEnv.FAULTS_DB_NAME || "snail_faults_suite"
  if (!/^snail_faults_[a-z0-9_]+$/.test(dbName)) throw new Error(`FAULTS_DB_NAME must start with snail_faults_ (got ${dbName})`)
  const user = encodeURIComponent(baseEnv.DB_USERNAME || "postgres")
  const password = baseEnv.DB_PASSWORD ? `:${encodeURIComponent(baseEnv.DB_PASSWORD)}` : ""
  const server = `postgres://${user}${password}@${baseEnv.DB_HOST || "localhost"}:${baseEnv.DB_PORT || 5432}`
  const databaseUrl = `${server}/${dbName}`
  const redisUrl = baseEnv.REDIS_URL ? withRedisDb(baseEnv.REDIS_URL, baseEnv.FAULTS_REDIS_DB || "12") : ""
  fs.rmSync(logDir, { recursive: true, force: true })

  const env = {
    ...baseEnv,
    NODE_ENV: "development", // fault points refuse production
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    PORT: String(port),
    ADMIN_DISABLED: "true", // the suite drives APIs only; the dashboard would add seconds per start
    MEDUSA_DISABLE_TELEMETRY: "true",
    SNAIL_CREDENTIALS_FILE: path.join(root, ".data/faults-credentials.json"),
    FILE_PRIVATE_DIR: path.join(root, ".data/private-uploads"),
    MEDUSA_BACKEND_URL: `http://localhost:${port}`,
    SANDBOX_PSP_PORT: String(pspPort),
    SANDBOX_PSP_URL: `http://127.0.0.1:${pspPort}`,
    SANDBOX_PSP_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/payment/sandbox_sandbox`,
    SANDBOX_PSP_DATA_FILE: "", // in memory: the PSP outlives every server restart of the run
    SANDBOX_PSP_ALLOW_FAULTS: "true",
    // The provider gives up on a silent PSP quickly, so `slow` costs the suite a second, not ten.
    SANDBOX_PSP_TIMEOUT_MS: baseEnv.SANDBOX_PSP_TIMEOUT_MS || "1500",
    // Operations left open are recoverable after this lease (the recovery routine skips younger
    // ones); it outlasts the provider's three attempts of 1.5 s, so a live call is never settled under it.
    PAYMENT_OPERATION_LEASE_MS: baseEnv.PAYMENT_OPERATION_LEASE_MS || "5000",
    IDEMPOTENCY_LEASE_MS: baseEnv.IDEMPOTENCY_LEASE_MS || "3000",
    // The order money lock of a killed instance lapses after this TTL (renewed while held; 15 s in production).
    ORDER_MONEY_LOCK_TTL_S: baseEnv.ORDER_MONEY_LOCK_TTL_S || "5",
    // Checkouts interrupted this long ago are dead: recovered, their completion lock taken over
    // (production: 90 s, longer than any live completion; here no live completion races the recovery).
    CHECKOUT_RECOVERY_AFTER_MS: baseEnv.CHECKOUT_RECOVERY_AFTER_MS || "2000",
    // An operation still open this long after its lease is a violation (production: 2 min).
    VERIFY_MONEY_GRACE_MS: baseEnv.VERIFY_MONEY_GRACE_MS || "10000",
    SNAIL_FAULT_POINTS: "",
  }

  // The build links the project's node_modules and static files (scripts/lib/app-stack.mjs linkBuildToProject).
  const serverDir = baseEnv.FAULTS_SERVER_DIR && fs.existsSync(path.join(baseEnv.FAULTS_SERVER_DIR, "package.json")) ? baseEnv.FAULTS_SERVER_DIR : root
  log(`database ${dbName}, Redis ${redisUrl || "off (REDIS_URL not set)"}, server :${port} (${serverDir === root ? "sources" : "production build"}), PSP :${pspPort}`)
  if (redisUrl) await flushRedisDb(redisUrl)
  // FAULTS_TEMPLATE=1 (local iteration only): keep the migrated, seeded database as a template
  // named after the migrations and seed, and clone it on later runs instead of migrating again.
  const template = baseEnv.FAULTS_TEMPLATE === "1" ? `snail_faults_tpl_${schemaDigest()}` : null
  if (template && (await databaseExists(`${server}/postgres`, template)) && fs.existsSync(env.SNAIL_CREDENTIALS_FILE)) {
    await recreateDatabase(`${server}/postgres`, dbName, template)
    log(`cloned ${template} (migrations and seed unchanged)`)
  } else {
    await recreateDatabase(`${server}/postgres`, dbName)
    const t0 = Date.now()
    await runToEnd("migrate", medusaBin, ["db:migrate"], { env, timeoutMs: 240_000 })
    log(`migrated in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
    const t1 = Date.now()
    await runToEnd("seed", medusaBin, ["exec", "./src/scripts/seed.ts"], { env, timeoutMs: 240_000 })
    log(`seeded in ${((Date.now() - t1) / 1000).toFixed(0)} s`)
    if (template) await recreateDatabase(`${server}/postgres`, template, dbName)
    // FAULTS_SEEDED_COPY (set by npm test): a copy of the fresh migrated, seeded database for the
    // scale suite of the same run, which clones it instead of migrating and seeding again.
    if (baseEnv.FAULTS_SEEDED_COPY) {
      await recreateDatabase(`${server}/postgres`, baseEnv.FAULTS_SEEDED_COPY, dbName)
      fs.copyFileSync(env.SNAIL_CREDENTIALS_FILE, `${env.SNAIL_CREDENTIALS_FILE}.seeded`)
    }
  }
  const credentials = JSON.parse(fs.readFileSync(env.SNAIL_CREDENTIALS_FILE, "utf8"))

  const psp = startChild("sandbox-psp", tsNode, ["--transpile-only", "src/modules/sandbox-payment/psp-server/cli.ts"], { env })
  await waitFor(async () => (await fetch(`${env.SANDBOX_PSP_URL}/health`)).ok, "the sandbox PSP did not come up", { timeoutMs: 60_000 })

  let medusa = null // the clean server the scenarios talk to (port)
  let sibling = null // an armed second instance (port + 2) on the same database and Redis
  let starts = 0

  /** Starts `medusa start` on `serverPort`, armed with `faultPoint` when given; resolves once /health answers. */
  async function launch(serverPort, faultPoint) {
    const fired = []
    const started = Date.now()
    starts += 1
    const proc = startChild(`medusa-${String(starts).padStart(2, "0")}${faultPoint ? "-" + faultPoint.replace(/:/g, "_") : ""}`, medusaBin, ["start"], {
      env: { ...env, PORT: String(serverPort), SNAIL_FAULT_POINTS: faultPoint },
      cwd: serverDir,
      onStderr: (text) => {
        for (const m of text.matchAll(/\[fault\] SIGKILL at (\S+)/g)) fired.push(m[1])
      },
    })
    const url = `http://127.0.0.1:${serverPort}`
    await waitFor(async () => {
      if (!proc.alive()) throw Object.assign(new Error(`the server exited during start-up; see ${proc.logFile}\n${tail(proc.logFile)}`), { fatal: true })
      return (await fetch(`${url}/health`)).ok
    }, "the server did not answer /health", { timeoutMs: 180_000, intervalMs: 250 })
    stack.restartSeconds.push((Date.now() - started) / 1000)
    return Object.assign(proc, { fired, url, armed: faultPoint })
  }

  /** Waits for an armed server to die; resolves with its exit and the fault points it reported. */
  async function awaitDeath(server, timeoutMs) {
    let timer
    const result = await Promise.race([server.exited, new Promise((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)))])
    clearTimeout(timer)
    if (!result) throw new Error(`the server armed with ${server.armed} was still running ${timeoutMs / 1000} s after the action`)
    signalGroup(server.child.pid, "SIGKILL") // forked helpers of its group must not keep the port
    return { ...result, fired: server.fired }
  }

  const stack = {
    env,
    credentials,
    serverUrl: `http://127.0.0.1:${port}`,
    siblingUrl: `http://127.0.0.1:${port + 2}`,
    pspUrl: env.SANDBOX_PSP_URL,
    pspKey: env.SANDBOX_PSP_API_KEY || "sk_sandbox_dev",
    restartSeconds: [],
    /** Which fault point the main server is armed with ("" when none). */
    armed: "",
    /** (Re)starts the main server, armed with `faultPoint` when given, and waits for /health. */
    async start(faultPoint = "") {
      // Events still queued (Redis) would reach the armed server first: a ledger booking of the
      // order placed just before could fire the point instead of the scenario's own action.
      if (faultPoint && medusa?.alive() && redisUrl) await waitForIdleEventQueue(redisUrl)
      if (medusa?.alive()) await medusa.stop()
      stack.armed = faultPoint
      medusa = null
      medusa = await launch(port, faultPoint)
    },
    /** Waits for the armed main server to die. */
    expectKilled: (timeoutMs = 30_000) => awaitDeath(medusa, timeoutMs),
    /**
     * A second instance armed with `faultPoint` next to the clean main server (as a deployment runs
     * several): the action goes to it, it dies, and the survivor recovers. Saves a restart per
     * scenario. Only for points on a request's path: a subscriber's event may go to either instance.
     */
    async startSibling(faultPoint) {
      if (redisUrl) await waitForIdleEventQueue(redisUrl)
      sibling = await launch(port + 2, faultPoint)
      return { url: sibling.url, expectKilled: (timeoutMs = 30_000) => awaitDeath(sibling, timeoutMs), stop: () => sibling.stop() }
    },
    /** Runs an npm script against the suite's database and PSP; resolves with its exit code and output. */
    async npmScript(script, timeoutMs = 120_000) {
      const proc = startChild(script.replace(/\W+/g, "-"), "npm", ["run", "--silent", script], { env })
      const timer = setTimeout(() => signalGroup(proc.child.pid, "SIGKILL"), timeoutMs)
      const { code, signal } = await proc.exited
      clearTimeout(timer)
      return { code, signal, output: fs.readFileSync(proc.logFile, "utf8") }
    },
    serverAlive: () => !!medusa?.alive(),
    mainExit: () => (medusa ? `pid ${medusa.child.pid}, ${medusa.child.signalCode ?? `exit code ${medusa.child.exitCode}`}` : "never started"),
    serverLog: () => medusa?.logFile,
    /** Stops an armed sibling a failed scenario left running. */
    async stopSibling() {
      if (sibling?.alive()) await sibling.stop()
    },
    async stop() {
      await Promise.all([medusa?.stop(), sibling?.stop(), psp.stop()])
    },
  }
  return stack
}

function withRedisDb(url, db) {
  const u = new URL(url)
  u.pathname = `/${db}`
  return u.toString()
}

/** Waits until the Redis event bus has no waiting, running or delayed job (its BullMQ keys). */
async function waitForIdleEventQueue(url) {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 })
  const q = "RedisEventBusService:events-queue"
  try {
    await waitFor(async () => {
      const [[, wait], [, active], [, delayed], [, prioritized]] = await redis
        .multi().llen(`${q}:wait`).llen(`${q}:active`).zcard(`${q}:delayed`).zcard(`${q}:prioritized`).exec()
      return wait + active + delayed + prioritized === 0 || null
    }, "the event queue did not drain before arming the server", { timeoutMs: 30_000, intervalMs: 100 })
  } finally {
    redis.disconnect()
  }
}

async function flushRedisDb(url) {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true })
  try {
    await redis.connect()
    await redis.flushdb()
  } finally {
    redis.disconnect()
  }
}

async function recreateDatabase(adminUrl, name, template) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`)
  } finally {
    await client.end()
  }
}

async function databaseExists(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1
  } finally {
    await client.end()
  }
}

/** Names every migration file and the seed sources' contents: a template is reused only while they are unchanged. */
function schemaDigest() {
  const hash = createHash("sha256")
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(p)
      else if (p.includes(`${path.sep}migrations${path.sep}`) || p.includes(`${path.sep}scripts${path.sep}`)) hash.update(p).update(fs.readFileSync(p))
    }
  }
  walk(path.join(root, "src"))
  return hash.digest("hex").slice(0, 12)
}
