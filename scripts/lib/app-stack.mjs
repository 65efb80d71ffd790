// Boots the whole platform against a database: migrations, seed, Medusa server, storefront.
// Shared by `npm run dev` (watching dev servers) and the browser tests (`npm test`).
import fs from "node:fs"
import path from "node:path"
import { isPortFree, UserFacingError } from "./embedded-postgres.mjs"
import { run, startService, startSupervised, waitForHttp } from "./processes.mjs"

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..")

/**
 * The production build (.medusa/server) has no node_modules and no static/ of its own: link the
 * project's. node_modules also makes the admin-extensions workspace plugin resolvable; static/ holds
 * the demo product pictures the seed uploaded, and Medusa serves /static from its working folder.
 */
export function linkBuildToProject(buildDir = path.join(root, ".medusa/server")) {
  for (const name of ["node_modules", "static"]) {
    const link = path.join(buildDir, name)
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(root, name), link, "dir")
  }
}
const medusa = path.join(root, "node_modules/.bin/medusa")

/**
 * @param {object} o
 * @param {string} o.databaseUrl
 * @param {number} o.serverPort
 * @param {number} o.storefrontPort
 * @param {string} o.credentialsFile   where the seed writes admin + publishable key
 * @param {"develop"|"start"} o.serverCommand  develop watches files; start runs the sources once
 * @param {string} [o.serverCwd]  where the server runs: the project (sources) or .medusa/server (a build)
 * @param {Record<string,string>} [o.env]
 * @param {(m: string) => void} o.log
 * @param {boolean} [o.pluginBuilt]  the admin-extensions plugin is built already (npm test did it)
 * @param {"dev"|"start"} [o.storefrontCommand]  next dev, or next start on a production build made beforehand
 * @param {{ server: string, storefront: string }} [o.portVars]  the variables that set the two ports, for messages
 * @param {(line: string) => void} [o.onLine]  where the children's output goes (default: this terminal)
 * @param {boolean} [o.supervise]  restart a child that dies on its own (npm run dev)
 */
export async function startAppStack({
  databaseUrl, serverPort, storefrontPort, credentialsFile, serverCommand, serverCwd = root, env: extraEnv = {}, log,
  pluginBuilt = false, portVars = { server: "PORT", storefront: "STOREFRONT_PORT" }, onLine, supervise = false, storefrontCommand = "dev",
}) {
  const env = {
    ...process.env,
    ...extraEnv,
    NODE_ENV: extraEnv.NODE_ENV || process.env.NODE_ENV || "development",
    DATABASE_URL: databaseUrl,
    PORT: String(serverPort),
    SNAIL_CREDENTIALS_FILE: credentialsFile,
    MEDUSA_BACKEND_URL: process.env.MEDUSA_BACKEND_URL || `http://localhost:${serverPort}`,
    // The seed runs from the project and the server may run from its build (.medusa/server): one
    // absolute folder for private uploads (course assets) so both see the same files.
    FILE_PRIVATE_DIR: process.env.FILE_PRIVATE_DIR || path.join(root, ".data/private-uploads"),
    MEDUSA_DISABLE_TELEMETRY: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  }
  const storefrontUrl = `http://localhost:${storefrontPort}`
  env.STORE_CORS ||= `${storefrontUrl},http://localhost:${serverPort}`
  env.AUTH_CORS ||= `${storefrontUrl},http://localhost:${serverPort}`

  await assertPortsFree(stackPorts({ serverPort, storefrontPort, env, serverVar: portVars.server, storefrontVar: portVars.storefront }))
  if (!pluginBuilt) {
    log("Building the admin extensions plugin…")
    await run("npm", ["run", "build", "-w", "admin-extensions", "--silent"], { env, cwd: root, onLine })
  }
  log("Running migrations…")
  await run(medusa, ["db:migrate"], { env, cwd: root, onLine })
  log("Seeding demo data (only the first time)…")
  await run(medusa, ["exec", "./src/scripts/seed.ts"], { env, cwd: root, onLine })
  const credentials = JSON.parse(fs.readFileSync(credentialsFile, "utf8"))

  // The sandbox PSP (docs/sandbox-psp.md) stands in for a card processor; it calls the server's webhooks.
  env.SANDBOX_PSP_PORT ||= String(serverPort + PSP_OFFSET)
  env.SANDBOX_PSP_URL ||= `http://localhost:${env.SANDBOX_PSP_PORT}`
  env.SANDBOX_PSP_WEBHOOK_URL ||= `http://localhost:${serverPort}/hooks/payment/sandbox_sandbox`
  env.SANDBOX_PSP_DATA_FILE ||= path.join(path.dirname(credentialsFile), `sandbox-psp-${serverPort}.json`)
  // Fiscal receipts (docs/fiscal.md): without real ATOL credentials, a local ATOL contract server stands in.
  const localAtol = !env.ATOL_LOGIN && env.NODE_ENV !== "production"
  if (localAtol) {
    env.ATOL_CONTRACT_PORT ||= String(serverPort + ATOL_OFFSET)
    Object.assign(env, {
      ATOL_BASE_URL: `http://127.0.0.1:${env.ATOL_CONTRACT_PORT}/possystem`, ATOL_LOGIN: "snail-test", ATOL_PASSWORD: "snail-pass",
      ATOL_GROUP_CODE: "group_snail", ATOL_INN: env.ATOL_INN || "7702070139",
    })
    env.FISCAL_CALLBACK_BASE_URL ||= `http://localhost:${serverPort}`
  }
  // Notifications (docs/notifications.md): without an SMTP relay, a local mail catcher receives every
  // email (SMTP on PORT + 25) and shows it on a small inbox page (PORT + 26).
  const localMail = !env.SMTP_HOST && env.NODE_ENV !== "production"
  if (localMail) {
    env.MAIL_CATCHER_SMTP_PORT ||= String(serverPort + MAIL_SMTP_OFFSET)
    env.MAIL_CATCHER_HTTP_PORT ||= String(serverPort + MAIL_INBOX_OFFSET)
    env.MAIL_CATCHER_DIR ||= path.join(path.dirname(credentialsFile), `mail-${serverPort}`)
    Object.assign(env, { SMTP_HOST: "127.0.0.1", SMTP_PORT: env.MAIL_CATCHER_SMTP_PORT, SMTP_SECURE: "false" })
  }
  env.STOREFRONT_URL ||= storefrontUrl
  // npm run dev: a child that dies is started again and the others stay up; npm test: any death is final.
  const start = supervise
    ? (name, cmd, args, o) => startSupervised(name, cmd, args, { ...o, onLine, log })
    : (name, cmd, args, o) => startService(name, cmd, args, { ...o, onLine })
  // `next dev` (npm run dev), or `next start` on a production build made beforehand (the browser
  // test: buildStorefrontInBackground). The publishable key is read at run time either way.
  const startStorefront = () => start("storefront", "npm", ["run", storefrontCommand, "-w", "storefront"], {
    cwd: root,
    env: {
      ...env,
      ...(storefrontCommand === "start" ? { NODE_ENV: "production" } : {}),
      PORT: String(storefrontPort),
      STOREFRONT_PORT: String(storefrontPort),
      NEXT_PUBLIC_MEDUSA_BACKEND_URL: process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || `http://localhost:${serverPort}`,
      MEDUSA_PUBLISHABLE_KEY: credentials.publishable_key,
      NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: credentials.publishable_key,
    },
  })
  const services = [
    ...(localMail ? [start("mail-catcher", path.join(root, "node_modules/.bin/ts-node"), ["--transpile-only", "src/modules/notification-center/mail-catcher/cli.ts"], { env, cwd: root })] : []),
    ...(localAtol ? [start("atol-contract", path.join(root, "node_modules/.bin/ts-node"), ["--transpile-only", "integration-tests/helpers/atol-contract-server-cli.ts"], { env, cwd: root })] : []),
    start("sandbox-psp", path.join(root, "node_modules/.bin/ts-node"), ["--transpile-only", "src/modules/sandbox-payment/psp-server/cli.ts"], { env, cwd: root }),
  ]
  // `medusa develop` restarts its server on any new file in the project, storefront/ included, and
  // `next dev` writes storefront/next-env.d.ts when it first starts on a fresh clone: the server then
  // restarted just as the newcomer opened the first page ("fetch failed"). So on such a clone the
  // storefront starts first and the server once that file is there (it is git-ignored, written once).
  const nextEnv = path.join(root, "storefront/next-env.d.ts")
  const storefrontFirst = serverCommand === "develop" && !fs.existsSync(nextEnv)
  if (storefrontFirst) {
    services.push(startStorefront())
    for (let i = 0; i < 120 && !fs.existsSync(nextEnv); i++) await new Promise((r) => setTimeout(r, 500))
  }
  // The server is a child of `medusa develop`: watched through /health as well (processes.mjs).
  services.push(start("medusa", medusa, [serverCommand], { env, cwd: serverCwd, ...(supervise ? { health: { url: `http://localhost:${serverPort}/health`, downMs: 45000 } } : {}) }))
  if (!storefrontFirst) services.push(startStorefront())
  const stop = () => Promise.all(services.map((s) => s.stop()))
  try {
    await waitForHttp(`http://localhost:${serverPort}/health`, { timeoutMs: 300000 })
  } catch (e) {
    await stop()
    throw e
  }
  const ports = {
    psp: Number(env.SANDBOX_PSP_PORT), atol: localAtol ? Number(env.ATOL_CONTRACT_PORT) : undefined,
    mailSmtp: localMail ? Number(env.MAIL_CATCHER_SMTP_PORT) : undefined, mailInbox: localMail ? Number(env.MAIL_CATCHER_HTTP_PORT) : undefined,
  }
  return { services, stop, credentials, ports, serverUrl: `http://localhost:${serverPort}`, storefrontUrl }
}

// The sandbox PSP and the local ATOL contract server sit at fixed offsets from the server port.
const PSP_OFFSET = 10
const ATOL_OFFSET = 30
const MAIL_SMTP_OFFSET = 25
const MAIL_INBOX_OFFSET = 26

/** Every port a stack on `serverPort` listens on, with what it is and the variable that moves it. */
export function stackPorts({ serverPort, storefrontPort, env = process.env, serverVar = "PORT", storefrontVar = "STOREFRONT_PORT" }) {
  const ports = [
    { port: serverPort, what: "Medusa server", variable: serverVar },
    { port: storefrontPort, what: "storefront", variable: storefrontVar },
    { port: Number(env.SANDBOX_PSP_PORT || serverPort + PSP_OFFSET), what: "sandbox PSP", variable: env.SANDBOX_PSP_PORT ? "SANDBOX_PSP_PORT" : `${serverVar} (it is ${serverVar} + ${PSP_OFFSET})` },
  ]
  if (!env.ATOL_LOGIN && env.NODE_ENV !== "production") {
    ports.push({ port: Number(env.ATOL_CONTRACT_PORT || serverPort + ATOL_OFFSET), what: "ATOL contract server", variable: env.ATOL_CONTRACT_PORT ? "ATOL_CONTRACT_PORT" : `${serverVar} (it is ${serverVar} + ${ATOL_OFFSET})` })
  }
  if (!env.SMTP_HOST && env.NODE_ENV !== "production") {
    ports.push({ port: Number(env.MAIL_CATCHER_SMTP_PORT || serverPort + MAIL_SMTP_OFFSET), what: "mail catcher (SMTP)", variable: env.MAIL_CATCHER_SMTP_PORT ? "MAIL_CATCHER_SMTP_PORT" : `${serverVar} (it is ${serverVar} + ${MAIL_SMTP_OFFSET})` })
    ports.push({ port: Number(env.MAIL_CATCHER_HTTP_PORT || serverPort + MAIL_INBOX_OFFSET), what: "mail catcher inbox", variable: env.MAIL_CATCHER_HTTP_PORT ? "MAIL_CATCHER_HTTP_PORT" : `${serverVar} (it is ${serverVar} + ${MAIL_INBOX_OFFSET})` })
  }
  return ports
}

/** Refuses to start next to another server: a test would otherwise talk to the wrong one. */
export async function assertPortsFree(ports) {
  const busy = []
  for (const p of ports) if (!(await isPortFree(p.port, "0.0.0.0"))) busy.push(p)
  if (busy.length) {
    throw new UserFacingError(
      busy.map((p) => `Port ${p.port} (the ${p.what}) is already in use.`).join("\n") +
        `\nStop the other process (ss -ltnp | grep -E '${busy.map((p) => `:${p.port}`).join("|")}' shows it) or move the port: ${busy.map((p) => p.variable).join(", ")}.`
    )
  }
}
