import path from "node:path"

const CONFIG = path.resolve(__dirname, "../../../../medusa-config.ts")
const KEYS = [
  "REDIS_URL", "NODE_ENV", "JWT_SECRET", "COOKIE_SECRET", "MEDUSA_WORKER_MODE", "ADMIN_DISABLED",
  "SANDBOX_PSP_API_KEY", "SANDBOX_PSP_WEBHOOK_SECRET", "SANDBOX_PSP_DISABLED", "COOKIE_SECURE", "INSECURE_COOKIES_ACKNOWLEDGED",
  "DATA_ENCRYPTION_KEYS", "DATA_HASH_KEY",
]

// Each case re-reads medusa-config.ts in an isolated registry; Medusa's utils (thousands of files, ~5 s to
// load) are handed in ready-made instead of being loaded again for every case.
const medusaUtils = jest.requireActual("@medusajs/framework/utils")
jest.doMock("@medusajs/framework/utils", () => medusaUtils)

function loadConfig(env: Record<string, string | undefined>) {
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]))
  for (const k of KEYS) delete process.env[k]
  Object.assign(process.env, env)
  try {
    let config: any
    jest.isolateModules(() => {
      config = require(CONFIG)
    })
    return config
  } finally {
    for (const k of KEYS) {
      if (saved[k] === undefined) delete process.env[k]
      else process.env[k] = saved[k]
    }
  }
}

const PRODUCTION = {
  NODE_ENV: "production", JWT_SECRET: "j".repeat(32), COOKIE_SECRET: "k".repeat(32),
  SANDBOX_PSP_API_KEY: "sk_sandbox_" + "s".repeat(24), SANDBOX_PSP_WEBHOOK_SECRET: "whsec_" + "w".repeat(32),
  DATA_ENCRYPTION_KEYS: "k1:" + "ab".repeat(32), DATA_HASH_KEY: "h".repeat(32),
}

// defineConfig turns the modules list into an object keyed by module name.
const resolves = (config: any) => Object.values(config.modules).map((m: any) => m.resolve)
const REDIS_MODULES = [
  "@medusajs/medusa/event-bus-redis",
  "@medusajs/medusa/workflow-engine-redis",
  "@medusajs/medusa/locking",
  "@medusajs/medusa/caching",
]

describe("medusa-config", () => {
  it("uses in-memory defaults when REDIS_URL is unset", () => {
    const config = loadConfig({ NODE_ENV: "test" })
    expect(resolves(config)).toContain("./src/modules/product-kind")
    expect(config.modules.event_bus.resolve).toBe("@medusajs/medusa/event-bus-local")
    expect(config.modules.workflows.resolve).toBe("@medusajs/medusa/workflow-engine-inmemory")
    expect(JSON.stringify(config.modules.locking)).not.toContain("redis")
    expect(config.modules.caching).toBeUndefined()
    expect(config.projectConfig.redisUrl).toBeUndefined()
    expect(config.projectConfig.workerMode).toBe("shared")
  })

  it("switches event bus, workflow engine, locking and caching to Redis when REDIS_URL is set", () => {
    const config = loadConfig({ NODE_ENV: "test", REDIS_URL: "redis://cache:6379" })
    expect(resolves(config)).toEqual(expect.arrayContaining(REDIS_MODULES))
    const locking = config.modules.locking
    expect(locking.options.providers[0]).toEqual(
      expect.objectContaining({ resolve: "./src/modules/locking-lease", id: "locking-redis", options: { redisUrl: "redis://cache:6379" } })
    )
    expect(config.featureFlags.caching).toBe(true)
    expect(config.projectConfig.redisUrl).toBe("redis://cache:6379")
  })

  it("honours MEDUSA_WORKER_MODE and keeps the admin off the worker", () => {
    expect(loadConfig({ NODE_ENV: "test", MEDUSA_WORKER_MODE: "server" }).projectConfig.workerMode).toBe("server")
    const worker = loadConfig({ NODE_ENV: "test", MEDUSA_WORKER_MODE: "worker" })
    expect(worker.projectConfig.workerMode).toBe("worker")
    expect(worker.admin.disable).toBe(true)
    expect(() => loadConfig({ NODE_ENV: "test", MEDUSA_WORKER_MODE: "both" })).toThrow(/MEDUSA_WORKER_MODE/)
  })

  it("refuses to start in production with missing or development secrets", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/JWT_SECRET and COOKIE_SECRET/)
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: "supersecret", COOKIE_SECRET: "x".repeat(40) })).toThrow(
      /JWT_SECRET/
    )
    const config = loadConfig({ ...PRODUCTION, JWT_SECRET: "a".repeat(40), COOKIE_SECRET: "b".repeat(40) })
    expect(config.projectConfig.http.jwtSecret).toBe("a".repeat(40))
  })

  it("refuses secrets shorter than 32 bytes, naming the setting", () => {
    expect(() => loadConfig({ ...PRODUCTION, JWT_SECRET: "a" })).toThrow(/JWT_SECRET must be at least 32 bytes/)
    expect(() => loadConfig({ ...PRODUCTION, COOKIE_SECRET: "c".repeat(31) })).toThrow(/COOKIE_SECRET must be at least 32 bytes/)
    expect(() => loadConfig(PRODUCTION)).not.toThrow()
  })

  it("refuses the sandbox PSP with its public development keys unless it is disabled", () => {
    const { SANDBOX_PSP_API_KEY, SANDBOX_PSP_WEBHOOK_SECRET, ...noSandboxKeys } = PRODUCTION
    expect(() => loadConfig(noSandboxKeys)).toThrow(/SANDBOX_PSP_API_KEY and SANDBOX_PSP_WEBHOOK_SECRET/)
    expect(() => loadConfig({ ...PRODUCTION, SANDBOX_PSP_WEBHOOK_SECRET: "whsec_sandbox_dev" })).toThrow(/SANDBOX_PSP_WEBHOOK_SECRET use/)
    const disabled = loadConfig({ ...noSandboxKeys, SANDBOX_PSP_DISABLED: "true" })
    expect(JSON.stringify(disabled.modules.payment)).not.toContain("sandbox-payment")
    expect(JSON.stringify(loadConfig(PRODUCTION).modules.payment)).toContain("sandbox-payment")
  })

  it("refuses to start in production without the keys for data at rest, naming the setting", () => {
    const { DATA_ENCRYPTION_KEYS, DATA_HASH_KEY, ...noDataKeys } = PRODUCTION
    expect(() => loadConfig({ ...noDataKeys, DATA_HASH_KEY })).toThrow(/DATA_ENCRYPTION_KEYS must be set in production/)
    expect(() => loadConfig({ ...noDataKeys, DATA_ENCRYPTION_KEYS })).toThrow(/DATA_HASH_KEY must be set in production/)
    expect(() => loadConfig({ ...PRODUCTION, DATA_HASH_KEY: "short" })).toThrow(/DATA_HASH_KEY/)
    // Development needs neither (a public development key, docs/security.md).
    expect(() => loadConfig({ NODE_ENV: "development" })).not.toThrow()
  })

  it("refuses COOKIE_SECURE=false in production without the explicit acknowledgement", () => {
    expect(() => loadConfig({ ...PRODUCTION, COOKIE_SECURE: "false" })).toThrow(/COOKIE_SECURE=false .* INSECURE_COOKIES_ACKNOWLEDGED=true/)
    const acknowledged = loadConfig({ ...PRODUCTION, COOKIE_SECURE: "false", INSECURE_COOKIES_ACKNOWLEDGED: "true" })
    expect(acknowledged.projectConfig.cookieOptions).toEqual(expect.objectContaining({ secure: false }))
    // Development keeps working with every default.
    expect(() => loadConfig({ NODE_ENV: "development", COOKIE_SECURE: "false" })).not.toThrow()
  })
})
