#!/usr/bin/env node
// `npm start`: runs the production build (`npm run build` first) from .medusa/server.
// Production rules apply: NODE_ENV=production, real JWT_SECRET/COOKIE_SECRET required.
// Database: DATABASE_URL, or the project's embedded PostgreSQL when it is unset.
import fs from "node:fs"
import path from "node:path"
import { linkBuildToProject, root } from "./lib/app-stack.mjs"
import { resolveDatabase } from "./lib/database.mjs"
import { UserFacingError } from "./lib/embedded-postgres.mjs"
import { launch, log } from "./lib/launcher.mjs"
import { run, startService } from "./lib/processes.mjs"

const buildDir = path.join(root, ".medusa/server")
let db
let server

async function main(shutdown) {
  if (!fs.existsSync(path.join(buildDir, "medusa-config.js"))) {
    throw new UserFacingError("No production build found in .medusa/server: run `npm run build` first.")
  }
  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV || "production", MEDUSA_DISABLE_TELEMETRY: "true" }
  if (env.NODE_ENV === "production") {
    const weak = ["JWT_SECRET", "COOKIE_SECRET"].filter((k) => !env[k] || env[k].startsWith("snail-dev-") || env[k] === "supersecret")
    if (weak.length) {
      throw new UserFacingError(
        `Production start refused: set ${weak.join(" and ")} to long random values, e.g.\n` +
          `   export JWT_SECRET=$(openssl rand -hex 32) COOKIE_SECRET=$(openssl rand -hex 32)\n` +
          `   (over plain http also COOKIE_SECURE=false INSECURE_COOKIES_ACKNOWLEDGED=true, or the admin login cookie is never sent back)`
      )
    }
  }
  linkBuildToProject(buildDir)

  db = await resolveDatabase({
    dataDir: path.join(root, ".data/postgres-dev"),
    port: Number(process.env.EMBEDDED_PG_PORT || 54320),
    database: "snail",
    log,
  })
  env.DATABASE_URL = db.url
  const medusa = path.join(root, "node_modules/.bin/medusa")
  if (env.SKIP_MIGRATIONS !== "true") {
    log("Running migrations…")
    await run(medusa, ["db:migrate"], { env, cwd: buildDir })
  }
  server = startService("medusa", medusa, ["start", ...process.argv.slice(2)], { env, cwd: buildDir })
  const result = await server.exited
  await shutdown(result.code ?? 1)
}

launch(main, [async () => server && (await server.stop()), async () => db && (await db.stop())])
