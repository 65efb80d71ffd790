// The production topology on one machine (issue 23 §1): the `medusa build` output in .medusa/server
// run as N server instances (MEDUSA_WORKER_MODE=server) and one worker (worker mode: subscribers
// and scheduled jobs), behind the balancer (scripts/lib/balancer.mjs), all on one PostgreSQL and one
// Redis (event bus, workflow engine, locking, cache, sessions: medusa-config.ts lists them when
// REDIS_URL is set). Used by `npm run stack:prod` and the scale suite (integration-tests/scale).
import { spawn } from "node:child_process"
import { createHash, randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { linkBuildToProject, root } from "./app-stack.mjs"
import { startBalancer } from "./balancer.mjs"
import { run } from "./processes.mjs"

const medusa = path.join(root, "node_modules/.bin/medusa")
const tsNode = path.join(root, "node_modules/.bin/ts-node")
export const buildDir = path.join(root, ".medusa/server")

/** Ports from one base: balancer = base, servers base+1…base+n, worker base+n+1, sandbox PSP base+10. */
export function topologyPorts(base, servers = 2) {
  return {
    balancer: base,
    servers: Array.from({ length: servers }, (_, i) => base + 1 + i),
    worker: base + servers + 1,
    psp: base + 10,
  }
}

/** Production settings for a local run: fresh random secrets each time (nothing of them is kept). */
export function productionEnv({ databaseUrl, redisUrl, ports, extra = {} }) {
  const secret = () => randomBytes(32).toString("hex")
  return {
    ...process.env,
    NODE_ENV: "production",
    MEDUSA_DISABLE_TELEMETRY: "true",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    JWT_SECRET: process.env.JWT_SECRET || secret(),
    COOKIE_SECRET: process.env.COOKIE_SECRET || secret(),
    // Data at rest (docs/security.md): a fresh key encrypts; the public development key still
    // decrypts what a development seed wrote (the scale suite clones the fault suite's database).
    // The `dev` entry is derived as src/lib/config/data-keys.ts derives DEV_DATA_KEY.
    DATA_ENCRYPTION_KEYS: process.env.DATA_ENCRYPTION_KEYS || `k1:${secret()},dev:${createHash("sha256").update("snail-dev-data-encryption-key").digest("hex")}`,
    DATA_HASH_KEY: process.env.DATA_HASH_KEY || secret(),
    // Plain http on one machine: the admin cookie must not be Secure (MEDUSA-NOTES pitfall 2).
    COOKIE_SECURE: "false",
    INSECURE_COOKIES_ACKNOWLEDGED: "true",
    SANDBOX_PSP_API_KEY: process.env.SANDBOX_PSP_API_KEY || `sk_sandbox_${secret().slice(0, 24)}`,
    SANDBOX_PSP_WEBHOOK_SECRET: process.env.SANDBOX_PSP_WEBHOOK_SECRET || `whsec_${secret().slice(0, 24)}`,
    SANDBOX_PSP_PORT: String(ports.psp),
    SANDBOX_PSP_URL: `http://127.0.0.1:${ports.psp}`,
    // The PSP calls the balancer: a webhook reaches whichever server is up.
    SANDBOX_PSP_WEBHOOK_URL: `http://127.0.0.1:${ports.balancer}/hooks/payment/sandbox_sandbox`,
    SANDBOX_PSP_DATA_FILE: "",
    MEDUSA_BACKEND_URL: `http://localhost:${ports.balancer}`,
    STORE_CORS: process.env.STORE_CORS || `http://localhost:${ports.balancer},http://localhost:8000`,
    ADMIN_CORS: process.env.ADMIN_CORS || `http://localhost:${ports.balancer}`,
    AUTH_CORS: process.env.AUTH_CORS || `http://localhost:${ports.balancer},http://localhost:8000`,
    FILE_PRIVATE_DIR: process.env.FILE_PRIVATE_DIR || path.join(root, ".data/private-uploads"),
    ...extra,
  }
}

/** Migrations (with REDIS_URL: the Redis workflow engine has its own) and the demo seed, from the sources. */
export async function prepareDatabase(env, { onLine, credentialsFile }) {
  // The seed refuses nothing in production, but it runs from the sources with ts-node: development there.
  await run(medusa, ["db:migrate"], { env, cwd: root, onLine, label: "medusa db:migrate" })
  await run(medusa, ["exec", "./src/scripts/seed.ts"], { env: { ...env, NODE_ENV: "development", SNAIL_CREDENTIALS_FILE: credentialsFile }, cwd: root, onLine, label: "seed" })
  return JSON.parse(fs.readFileSync(credentialsFile, "utf8"))
}

/** A child in its own process group, output to `logFile`; kill(signal) reaches its whole group. */
export function startProcess(name, cmd, args, { env, cwd = root, logFile }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const out = fs.openSync(logFile, "a")
  const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ["ignore", out, out] })
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })))
  exited.then(() => fs.closeSync(out))
  const kill = (signal) => {
    try {
      process.kill(-child.pid, signal)
    } catch {
      /* gone */
    }
  }
  return {
    name,
    child,
    exited,
    logFile,
    kill,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop(timeoutMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) {
        kill("SIGTERM")
        const timer = setTimeout(() => kill("SIGKILL"), timeoutMs)
        await exited
        clearTimeout(timer)
      }
      kill("SIGKILL")
    },
  }
}

export async function waitForUrl(url, { timeoutMs = 120_000, proc } = {}) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (proc && !proc.alive()) throw new Error(`${proc.name} exited during start-up; see ${proc.logFile}`)
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s${proc ? `; see ${proc.logFile}` : ""}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

/**
 * Starts the sandbox PSP, the server instances and the worker from the build, then the balancer.
 * @returns the running topology: `instances` (by name), `restart(name)`, `stop()`.
 */
export async function startTopology({ env, ports, logDir, log = () => {} }) {
  if (!fs.existsSync(path.join(buildDir, "medusa-config.js"))) throw new Error("No production build in .medusa/server: run `npm run build` first.")
  linkBuildToProject(buildDir)
  const psp = startProcess("sandbox-psp", tsNode, ["--transpile-only", "src/modules/sandbox-payment/psp-server/cli.ts"], { env, logFile: path.join(logDir, "sandbox-psp.log") })
  const specs = [
    ...ports.servers.map((port, i) => ({ name: `server-${i + 1}`, port, mode: "server" })),
    { name: "worker", port: ports.worker, mode: "worker" },
  ]
  const instances = {}
  const launch = (spec) => {
    const proc = startProcess(spec.name, medusa, ["start"], {
      env: { ...env, PORT: String(spec.port), MEDUSA_WORKER_MODE: spec.mode },
      cwd: buildDir,
      logFile: path.join(logDir, `${spec.name}.log`),
    })
    instances[spec.name] = Object.assign(proc, { url: `http://127.0.0.1:${spec.port}`, spec })
    return instances[spec.name]
  }
  let balancer
  const stop = async () => {
    await balancer?.stop()
    await Promise.all([...Object.values(instances).map((p) => p.stop()), psp.stop()])
  }
  try {
    await waitForUrl(`${env.SANDBOX_PSP_URL}/health`, { proc: psp, timeoutMs: 60_000 })
    const t = Date.now()
    await Promise.all(specs.map((s) => waitForUrl(`${launch(s).url}/health`, { proc: instances[s.name], timeoutMs: 180_000 })))
    log(`${specs.length} Medusa instances up in ${((Date.now() - t) / 1000).toFixed(1)} s`)
    balancer = await startBalancer({
      port: ports.balancer,
      upstreams: ports.servers.map((p) => `http://127.0.0.1:${p}`),
      // About what two cores serve at once: above it requests only queue (bench/README.md, mixed load).
      maxInFlight: Number(env.BALANCER_MAX_IN_FLIGHT || 16 * ports.servers.length),
      log,
    })
  } catch (e) {
    await stop()
    throw e
  }
  return {
    url: balancer.url,
    balancer,
    psp,
    instances,
    /** Starts an instance again (after a kill) and waits for it to answer. */
    async restart(name) {
      const old = instances[name]
      if (old.alive()) await old.stop()
      const t = Date.now()
      await waitForUrl(`${launch(old.spec).url}/health`, { proc: instances[name], timeoutMs: 180_000 })
      return (Date.now() - t) / 1000
    },
    stop,
  }
}
