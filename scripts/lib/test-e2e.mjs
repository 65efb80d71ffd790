// The browser suite of `npm test`: a fresh database (E2E_DB_NAME, default snail_e2e, dropped and
// recreated), the production build, the whole stack on E2E_SERVER_PORT / E2E_STOREFRONT_PORT (plus
// the sandbox PSP on server port + 10 and the ATOL contract server on + 30), then the flows in
// integration-tests/e2e/run.mjs in Debian's Chromium.
import fs from "node:fs"
import { assertPortsFree, linkBuildToProject, root, stackPorts, startAppStack } from "./app-stack.mjs"
import { run } from "./processes.mjs"
import { createEmptyDatabase, databaseUrl } from "./test-databases.mjs"

/**
 * Starts `medusa build` (server + admin) at low CPU priority so it fills the gaps the jest suites
 * leave (their tail, waits on PostgreSQL) instead of running after them. Resolves to null or the error.
 */
export function buildInBackground({ env, say, sink, nice = true }) {
  const t = Date.now()
  // E2E_REUSE_BUILD=1 (local iteration on the storefront or the flows, which run from source): the
  // last build in .medusa/server is used as it is. Never in CI, where the build must be this commit's.
  if (env.E2E_REUSE_BUILD === "1" && env.CI !== "true" && fs.existsSync(`${root}/.medusa/server/package.json`)) {
    say("reusing the server build in .medusa/server (E2E_REUSE_BUILD=1): server changes since it are not in it")
    return Promise.resolve(null)
  }
  say(`building the server and admin for e2e${nice ? " in the background (nice medusa build)" : " (medusa build)"}…`)
  const medusa = `${root}/node_modules/.bin/medusa`
  return run(nice ? "nice" : medusa, nice ? ["-n", "10", medusa, "build"] : ["build"], { env, onLine: sink(), label: "medusa build" }).then(
    () => (say(`e2e build done (${Math.round((Date.now() - t) / 1000)} s)`), null),
    (e) => e
  )
}

/**
 * Starts the storefront's production build (`next build` into storefront/.next-e2e) at low CPU
 * priority, beside the other suites: the browser test runs against `next start`, the storefront
 * buyers get, instead of `next dev`, which compiled every page on its first visit (minutes of the
 * suite) and ran React's development build. The backend URL is inlined at build time (the e2e
 * server port); the publishable key, created later by the seed, is read at run time. Resolves to null or the error.
 */
export function buildStorefrontInBackground({ env, say, sink, nice = true }) {
  const t = Date.now()
  const distDir = E2E_NEXT_DIST_DIR
  if (env.E2E_REUSE_BUILD === "1" && env.CI !== "true" && fs.existsSync(`${root}/storefront/${distDir}/BUILD_ID`)) {
    say(`reusing the storefront build in storefront/${distDir} (E2E_REUSE_BUILD=1): storefront changes since it are not in it`)
    return Promise.resolve(null)
  }
  const { serverPort } = e2ePorts(env)
  say(`building the storefront for e2e${nice ? " in the background (nice next build)" : " (next build)"}…`)
  const next = `${root}/node_modules/.bin/next`
  const buildEnv = { ...env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, NEXT_PUBLIC_MEDUSA_BACKEND_URL: `http://localhost:${serverPort}` }
  return run(nice ? "nice" : next, nice ? ["-n", "10", next, "build"] : ["build"], { env: buildEnv, cwd: `${root}/storefront`, onLine: sink(), label: "next build" }).then(
    () => (say(`storefront build done (${Math.round((Date.now() - t) / 1000)} s)`), null),
    (e) => e
  )
}

/** The storefront's build folder for the browser test, apart from `npm run dev`'s .next. */
const E2E_NEXT_DIST_DIR = ".next-e2e"

/** Refuses busy e2e ports: the browser test would otherwise talk to someone else's server. */
export async function assertE2ePortsFree(env) {
  const { serverPort, storefrontPort } = e2ePorts(env)
  await assertPortsFree(stackPorts({ serverPort, storefrontPort, env, serverVar: "E2E_SERVER_PORT", storefrontVar: "E2E_STOREFRONT_PORT" }))
}

const e2ePorts = (env) => ({ serverPort: Number(env.E2E_SERVER_PORT || 9300), storefrontPort: Number(env.E2E_STOREFRONT_PORT || 8300) })

export async function runE2e({ env, chromium, say, sink, build, storefrontBuild }) {
  const { serverPort, storefrontPort } = e2ePorts(env)
  // Checked again before anything slow: a port may have been taken while the other suites ran.
  await assertE2ePortsFree(env)

  // E2E_DB_NAME lets engineers sharing one PostgreSQL run the browser test side by side.
  const dbName = env.E2E_DB_NAME || "snail_e2e"
  await createEmptyDatabase(env, dbName)

  // The production build: the browser test drives the real admin (with our extensions) too. The
  // admin-extensions plugin was built by npm test already, so `medusa build` alone (maybe started
  // earlier by buildInBackground).
  const buildError = await (build ?? buildInBackground({ env, say, sink }))
  if (buildError) throw buildError
  const storefrontError = await (storefrontBuild ?? buildStorefrontInBackground({ env, say, sink, nice: false }))
  if (storefrontError) throw storefrontError
  say(`starting the stack on ports ${serverPort} (server) and ${storefrontPort} (storefront)…`)
  const buildDir = `${root}/.medusa/server`
  linkBuildToProject(buildDir)

  const t = Date.now()
  const stack = await startAppStack({
    databaseUrl: databaseUrl(env, dbName),
    serverPort,
    storefrontPort,
    credentialsFile: `${root}/.data/e2e-credentials.json`,
    serverCommand: "start",
    serverCwd: buildDir,
    storefrontCommand: "start",
    pluginBuilt: true,
    portVars: { server: "E2E_SERVER_PORT", storefront: "E2E_STOREFRONT_PORT" },
    onLine: sink(),
    // NODE_ENV=development: plain-http admin cookies and development secrets are fine here.
    // A separate Next build folder so a running `npm run dev` does not block this one.
    // ESCROW_HOLD_MS=0: escrow is released without the 7-day hold, so the money test can pay out.
    // FISCAL_RECEIPTS_SCHEDULE: the fiscal outbox polls every 5 s, so the fiscal flow does not wait out minute ticks.
    env: { ...env, REDIS_URL: "", NODE_ENV: "development", NEXT_DIST_DIR: E2E_NEXT_DIST_DIR, ESCROW_HOLD_MS: env.ESCROW_HOLD_MS ?? "0", FISCAL_RECEIPTS_SCHEDULE: env.FISCAL_RECEIPTS_SCHEDULE ?? "*/5 * * * * *" },
    log: say,
  })
  say(`stack up (${Math.round((Date.now() - t) / 1000)} s); running the browser flows…`)
  try {
    await run("node", ["integration-tests/e2e/run.mjs"], {
      env: { ...env, STOREFRONT_URL: stack.storefrontUrl, MEDUSA_BACKEND_URL: stack.serverUrl, ADMIN_URL: `${stack.serverUrl}/app`, CHROMIUM_PATH: chromium,
        ...(stack.ports.mailInbox ? { MAIL_INBOX_URL: `http://localhost:${stack.ports.mailInbox}` } : {}) },
      label: "browser test",
      onLine: sink((l) => l.startsWith("[e2e]")),
    })
  } finally {
    await stack.stop()
  }
}
