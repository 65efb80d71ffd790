#!/usr/bin/env node
// `npm run stack:prod`: the production build (`npm run build` first) as it runs in production, on
// one machine: two server instances and one worker behind a balancer, one PostgreSQL, one Redis.
//   PROD_PORT (default 9400): balancer; +1, +2 servers; +3 worker; +10 sandbox PSP.
//   DATABASE_URL (default: the embedded PostgreSQL, database snail_prod), REDIS_URL (required).
// Logs of every process in .logs/stack-prod/. Ctrl-C stops everything (SIGTERM: graceful).
import path from "node:path"
import { root } from "./lib/app-stack.mjs"
import { resolveDatabase } from "./lib/database.mjs"
import { UserFacingError } from "./lib/embedded-postgres.mjs"
import { launch, log } from "./lib/launcher.mjs"
import { prepareDatabase, productionEnv, startTopology, topologyPorts } from "./lib/topology.mjs"

let db
let topology

async function main(shutdown) {
  if (!process.env.REDIS_URL) {
    throw new UserFacingError("REDIS_URL is required: the instances share their event bus, workflow engine, locks and cache through Redis (e.g. REDIS_URL=redis://127.0.0.1:6379/0).")
  }
  const ports = topologyPorts(Number(process.env.PROD_PORT || 9400), Number(process.env.PROD_SERVERS || 2))
  db = await resolveDatabase({ dataDir: path.join(root, ".data/postgres-dev"), port: Number(process.env.EMBEDDED_PG_PORT || 54320), database: "snail_prod", log })
  const env = productionEnv({ databaseUrl: db.url, redisUrl: process.env.REDIS_URL, ports })
  log("Migrations and seed (the seed only fills an empty database)…")
  const credentials = await prepareDatabase(env, { credentialsFile: path.join(root, ".data/stack-prod-credentials.json") })
  topology = await startTopology({ env, ports, logDir: path.join(root, ".logs/stack-prod"), log })
  log(
    `Up: balancer ${topology.url} → servers ${ports.servers.map((p) => `:${p}`).join(", ")}; worker :${ports.worker}; sandbox PSP :${ports.psp}\n` +
      `   admin ${topology.url}/app (${credentials.admin_email}), metrics http://127.0.0.1:${ports.servers[0]}/metrics, readiness ${topology.url}/ready\n` +
      `   publishable key ${credentials.publishable_key}; logs in .logs/stack-prod/`
  )
  await Promise.race(Object.values(topology.instances).map((p) => p.exited.then((r) => log(`${p.name} exited (${r.signal ?? `code ${r.code}`})`))))
  await shutdown(1)
}

launch(main, [async () => topology && (await topology.stop()), async () => db && (await db.stop())])
