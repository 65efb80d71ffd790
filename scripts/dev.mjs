#!/usr/bin/env node
// `npm run dev`: database (embedded unless DATABASE_URL), migrations, one-time seed, then the
// Medusa server + admin on :9000 and the storefront on :8000. Ctrl-C stops all of it.
import { startAppStack, root } from "./lib/app-stack.mjs"
import { resolveDatabase } from "./lib/database.mjs"
import { isPortFree, UserFacingError } from "./lib/embedded-postgres.mjs"
import { launch, log } from "./lib/launcher.mjs"

process.chdir(root)
const serverPort = Number(process.env.PORT || 9000)
const storefrontPort = Number(process.env.STOREFRONT_PORT || 8000)

let db
let stack

async function main(shutdown) {
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
  stack = await startAppStack({
    databaseUrl: db.url,
    serverPort,
    storefrontPort,
    credentialsFile: `${root}/.data/dev-credentials.json`,
    serverCommand: "develop",
    log,
  })
  for (const s of stack.services) s.exited.then((r) => !launcher.isStopping() && shutdown(1, `${r.name} stopped (${r.signal ?? `exit code ${r.code}`})`))

  const { admin_email, admin_password, publishable_key } = stack.credentials
  log(
    `SnailMarketplace is up.\n` +
      `   API         ${stack.serverUrl}\n` +
      `   Admin       ${stack.serverUrl}/app   login: ${admin_email} / ${admin_password ?? "(the password printed on first start)"}\n` +
      `   Storefront  ${stack.storefrontUrl}\n` +
      `   Publishable key  ${publishable_key}\n` +
      `   Ctrl-C stops everything${db.embedded ? ", the embedded database included" : ""}.`
  )
}

const launcher = launch(main, [async () => stack && (await stack.stop()), async () => db && (await db.stop())])
