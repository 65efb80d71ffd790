#!/usr/bin/env node
// `npm run dev`: database (embedded unless DATABASE_URL), migrations, one-time seed, then the
// Medusa server + admin on :9000, the storefront on :8000, the sandbox PSP on :9010 and (without
// ATOL credentials) the ATOL contract server on :9030. A child that dies is restarted with a
// message while the rest stays up. Ctrl-C stops all of it.
import { assertPortsFree, stackPorts, startAppStack, root } from "./lib/app-stack.mjs"
import { resolveDatabase } from "./lib/database.mjs"
import { launch, log } from "./lib/launcher.mjs"

process.chdir(root)
const serverPort = Number(process.env.PORT || 9000)
const storefrontPort = Number(process.env.STOREFRONT_PORT || 8000)
const embeddedPort = Number(process.env.EMBEDDED_PG_PORT || 54320)

let db
let stack

async function main() {
  // Before the database starts: a busy port should be the first and only thing reported.
  await assertPortsFree(stackPorts({ serverPort, storefrontPort }))
  db = await resolveDatabase({ dataDir: ".data/postgres-dev", port: embeddedPort, database: "snail", log })
  stack = await startAppStack({
    databaseUrl: db.url,
    serverPort,
    storefrontPort,
    credentialsFile: `${root}/.data/dev-credentials.json`,
    serverCommand: "develop",
    supervise: true,
    log,
  })

  const { admin_email, admin_password, publishable_key } = stack.credentials
  const { psp, atol, mailInbox, mailSmtp } = stack.ports
  log(
    `SnailMarketplace is up.\n` +
      `   API              ${stack.serverUrl}   (PORT)\n` +
      `   Admin            ${stack.serverUrl}/app   login: ${admin_email} / ${admin_password ?? "(the password printed on first start)"}\n` +
      `   Storefront       ${stack.storefrontUrl}   (STOREFRONT_PORT)\n` +
      `   Sandbox PSP      http://localhost:${psp}   (SANDBOX_PSP_PORT, default PORT + 10)\n` +
      (atol ? `   ATOL contract    http://localhost:${atol}   (ATOL_CONTRACT_PORT, default PORT + 30; set ATOL_LOGIN for the real ATOL)\n` : "") +
      (mailInbox ? `   Mail inbox       http://localhost:${mailInbox}   (every email sent; SMTP on 127.0.0.1:${mailSmtp}; PORT + 26 / + 25; set SMTP_HOST for a real relay)\n` : "") +
      `   PostgreSQL       ${db.embedded ? `embedded, localhost:${embeddedPort} (EMBEDDED_PG_PORT), data in .data/postgres-dev` : "DATABASE_URL"}\n` +
      `   Publishable key  ${publishable_key}\n` +
      `   A child that dies is restarted (up to 5 times a minute); Ctrl-C stops everything${db.embedded ? ", the embedded database included" : ""}.`
  )
}

launch(main, [async () => stack && (await stack.stop()), async () => db && (await db.stop())])
