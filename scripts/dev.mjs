#!/usr/bin/env node
// `npm run dev`: database (embedded unless DATABASE_URL), migrations, one-time seed, then the
// Medusa server + admin on :9000 and the storefront on :8000. Ctrl-C stops all of it.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { resolveDatabase } from "./lib/database.mjs"
import { isPortFree, UserFacingError } from "./lib/embedded-postgres.mjs"
import { run, startService, waitForHttp } from "./lib/processes.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
process.chdir(root)
const log = (m) => console.log(`\x1b[36m[snail]\x1b[0m ${m}`)

const serverPort = Number(process.env.PORT || 9000)
const storefrontPort = Number(process.env.STOREFRONT_PORT || 8000)
const credentialsFile = path.join(root, ".data/dev-credentials.json")
const medusa = path.join(root, "node_modules/.bin/medusa")

let db
const services = []
let stopping = false

async function main() {
  for (const [port, what, variable] of [[serverPort, "Medusa server", "PORT"], [storefrontPort, "storefront", "STOREFRONT_PORT"]]) {
    if (!(await isPortFree(port, "0.0.0.0"))) {
      throw new UserFacingError(`Port ${port} (the ${what}) is already in use. Stop the other process or set ${variable}=<free port>.`)
    }
  }
  db = await resolveDatabase({
    dataDir: ".data/postgres-dev",
    port: Number(process.env.EMBEDDED_PG_PORT || 54320),
    database: "snail",
    log,
  })
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    PORT: String(serverPort),
    SNAIL_CREDENTIALS_FILE: credentialsFile,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  }

  log("Building the admin extensions plugin…")
  await run("npm", ["run", "build", "-w", "admin-extensions", "--silent"], { env })
  log("Running migrations…")
  await run(medusa, ["db:migrate"], { env })
  log("Seeding demo data (only the first time)…")
  await run(medusa, ["exec", "./src/scripts/seed.ts"], { env })

  const { publishable_key } = JSON.parse(fs.readFileSync(credentialsFile, "utf8"))
  services.push(startService("medusa", medusa, ["develop"], { env }))
  services.push(
    startService("storefront", "npm", ["run", "dev", "-w", "storefront"], {
      env: {
        ...env,
        PORT: String(storefrontPort),
        STOREFRONT_PORT: String(storefrontPort),
        NEXT_PUBLIC_MEDUSA_BACKEND_URL: process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || `http://localhost:${serverPort}`,
        NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: publishable_key,
      },
    })
  )
  for (const s of services) s.exited.then((r) => !stopping && shutdown(1, `${r.name} stopped (${r.signal ?? `exit code ${r.code}`})`))

  await waitForHttp(`http://localhost:${serverPort}/health`, { timeoutMs: 300000 })
  const creds = JSON.parse(fs.readFileSync(credentialsFile, "utf8"))
  log(
    `SnailMarketplace is up.\n` +
      `   API        http://localhost:${serverPort}\n` +
      `   Admin      http://localhost:${serverPort}/app   (${creds.admin_email} / ${creds.admin_password ?? "password as first printed"})\n` +
      `   Storefront http://localhost:${storefrontPort}\n` +
      `   Publishable key ${creds.publishable_key}\n` +
      `   Ctrl-C stops everything${db.embedded ? ", the embedded database included" : ""}.`
  )
}

async function shutdown(code, reason) {
  if (stopping) return
  stopping = true
  if (reason) log(reason)
  log("Stopping…")
  await Promise.all(services.map((s) => s.stop()))
  if (db) await db.stop()
  process.exit(code)
}

process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

main().catch((e) => {
  console.error(`\n\x1b[31m[snail] ${e instanceof UserFacingError ? e.message : e?.message ?? e}\x1b[0m\n`)
  shutdown(1)
})
