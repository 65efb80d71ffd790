#!/usr/bin/env node
// Vanilla Medusa 2.21 beside ours, for `npm run bench` ratios measured in the same run
// (bench/README.md, "Vanilla baseline"). Same node_modules, bench/vanilla/medusa-config.js (no
// custom module, plugin, route or middleware), its own database.
//
//   node bench/vanilla.mjs setup [N]   create the database if missing, migrate, load N products (default 10 000)
//   node bench/vanilla.mjs start       serve it (production mode) on VANILLA_PORT
//
//   VANILLA_DATABASE_URL  default postgres://postgres@127.0.0.1:5432/snail_vanilla
//   VANILLA_REDIS_URL     Redis for its event bus, workflow engine and locking (default: none, in-memory)
//   VANILLA_PORT          default 9100
import { spawn } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const appDir = path.join(root, "bench", "vanilla")
const medusa = path.join(root, "node_modules", ".bin", "medusa")
const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }
env.VANILLA_DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/snail_vanilla"

function run(args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(medusa, args, { cwd: appDir, env: { ...env, ...extraEnv }, stdio: "inherit" })
    for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig))
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args[0]} exited with ${code}`))))
  })
}

async function ensureDatabase(url) {
  const u = new URL(url)
  const name = decodeURIComponent(u.pathname.slice(1))
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`VANILLA_DATABASE_URL: database name '${name}' must be letters, digits and _`)
  u.pathname = "/postgres"
  const client = new pg.Client({ connectionString: u.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name}"`)
      console.log(`created database ${name}`)
    }
  } finally {
    await client.end()
  }
}

const [command, arg] = process.argv.slice(2)
if (command === "setup") {
  const n = arg ?? "10000"
  await ensureDatabase(env.VANILLA_DATABASE_URL)
  await run(["db:migrate"])
  await run(["exec", "./seed.ts", n])
} else if (command === "start") {
  // Production mode as our `npm start`; vanilla's medusa-config is plain JavaScript, no build needed.
  await run(["start", "-p", String(env.VANILLA_PORT || 9100)], { NODE_ENV: "production" })
} else {
  console.error("usage: node bench/vanilla.mjs setup [N] | start")
  process.exitCode = 1
}
