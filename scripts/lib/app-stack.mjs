// Boots the whole platform against a database: migrations, seed, Medusa server, storefront.
// Shared by `npm run dev` (watching dev servers) and the browser tests (`npm test`).
import fs from "node:fs"
import path from "node:path"
import { run, startService, waitForHttp } from "./processes.mjs"

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..")
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
 */
export async function startAppStack({ databaseUrl, serverPort, storefrontPort, credentialsFile, serverCommand, serverCwd = root, env: extraEnv = {}, log }) {
  const env = {
    ...process.env,
    ...extraEnv,
    NODE_ENV: extraEnv.NODE_ENV || process.env.NODE_ENV || "development",
    DATABASE_URL: databaseUrl,
    PORT: String(serverPort),
    SNAIL_CREDENTIALS_FILE: credentialsFile,
    MEDUSA_BACKEND_URL: process.env.MEDUSA_BACKEND_URL || `http://localhost:${serverPort}`,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  }
  const storefrontUrl = `http://localhost:${storefrontPort}`
  env.STORE_CORS ||= `${storefrontUrl},http://localhost:${serverPort}`
  env.AUTH_CORS ||= `${storefrontUrl},http://localhost:${serverPort}`

  log("Building the admin extensions plugin…")
  await run("npm", ["run", "build", "-w", "admin-extensions", "--silent"], { env, cwd: root })
  log("Running migrations…")
  await run(medusa, ["db:migrate"], { env, cwd: root })
  log("Seeding demo data (only the first time)…")
  await run(medusa, ["exec", "./src/scripts/seed.ts"], { env, cwd: root })
  const credentials = JSON.parse(fs.readFileSync(credentialsFile, "utf8"))

  // The sandbox PSP (docs/sandbox-psp.md) stands in for a card processor; it calls the server's webhooks.
  env.SANDBOX_PSP_PORT ||= String(serverPort + 10)
  env.SANDBOX_PSP_URL ||= `http://localhost:${env.SANDBOX_PSP_PORT}`
  env.SANDBOX_PSP_WEBHOOK_URL ||= `http://localhost:${serverPort}/hooks/payment/sandbox_sandbox`
  env.SANDBOX_PSP_DATA_FILE ||= path.join(path.dirname(credentialsFile), `sandbox-psp-${serverPort}.json`)
  // Fiscal receipts (docs/fiscal.md): without real ATOL credentials, a local ATOL contract server stands in.
  const localAtol = !env.ATOL_LOGIN && env.NODE_ENV !== "production"
  if (localAtol) {
    env.ATOL_CONTRACT_PORT ||= String(serverPort + 30)
    Object.assign(env, {
      ATOL_BASE_URL: `http://127.0.0.1:${env.ATOL_CONTRACT_PORT}/possystem`, ATOL_LOGIN: "snail-test", ATOL_PASSWORD: "snail-pass",
      ATOL_GROUP_CODE: "group_snail", ATOL_INN: env.ATOL_INN || "7702070139",
    })
    env.FISCAL_CALLBACK_BASE_URL ||= `http://localhost:${serverPort}`
  }
  const services = [
    ...(localAtol ? [startService("atol-contract", path.join(root, "node_modules/.bin/ts-node"), ["--transpile-only", "integration-tests/helpers/atol-contract-server-cli.ts"], { env, cwd: root })] : []),
    startService("sandbox-psp", path.join(root, "node_modules/.bin/ts-node"), ["--transpile-only", "src/modules/sandbox-payment/psp-server/cli.ts"], { env, cwd: root }),
    startService("medusa", medusa, [serverCommand], { env, cwd: serverCwd }),
    startService("storefront", "npm", ["run", "dev", "-w", "storefront"], {
      cwd: root,
      env: {
        ...env,
        PORT: String(storefrontPort),
        STOREFRONT_PORT: String(storefrontPort),
        NEXT_PUBLIC_MEDUSA_BACKEND_URL: process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || `http://localhost:${serverPort}`,
        NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: credentials.publishable_key,
      },
    }),
  ]
  const stop = () => Promise.all(services.map((s) => s.stop()))
  try {
    await waitForHttp(`http://localhost:${serverPort}/health`, { timeoutMs: 300000 })
  } catch (e) {
    await stop()
    throw e
  }
  return { services, stop, credentials, serverUrl: `http://localhost:${serverPort}`, storefrontUrl }
}
