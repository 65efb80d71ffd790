import { FaultConfig, parseFaultConfig } from "./faults"
import { SandboxPspServer } from "./server"

export { SandboxPspServer } from "./server"
export { FAULT_MODES, FAULT_OPERATIONS, parseFaultConfig } from "./faults"
export type { FaultConfig, FaultMode, FaultOperation } from "./faults"
export { TEST_CARDS, DEFAULT_TEST_CARD, captureFailsFor, refundFailsFor } from "./cards"

export type StartSandboxPspOptions = {
  /** 0 picks a free port. Default: SANDBOX_PSP_PORT, else the port of SANDBOX_PSP_URL, else 9010. */
  port?: number
  host?: string
  apiKey?: string
  webhookSecret?: string
  /** Where webhooks go; default SANDBOX_PSP_WEBHOOK_URL or Medusa's route on PORT (9000). */
  webhookUrl?: string
  /** JSON file for durable state; default SANDBOX_PSP_DATA_FILE; in memory when empty. */
  dataFile?: string
  webhookMaxAttempts?: number
  webhookBackoffMs?: number
  log?: (message: string) => void
  /**
   * Test-only fault modes (`POST /v1/_test/faults`). Default: SANDBOX_PSP_ALLOW_FAULTS ("true"/"false"),
   * else on unless NODE_ENV is production.
   */
  allowFaults?: boolean
  /** Fault mode to start in; default SANDBOX_PSP_FAULTS (a mode name or a JSON FaultConfig). */
  faults?: FaultConfig
}

export const DEV_SANDBOX_PSP_API_KEY = "sk_sandbox_dev"
export const DEV_SANDBOX_PSP_WEBHOOK_SECRET = "whsec_sandbox_dev"
export const DEFAULT_SANDBOX_PSP_PORT = 9010

/** Starts the sandbox PSP; every option falls back to the same environment the provider reads. */
export async function startSandboxPsp(options: StartSandboxPspOptions = {}) {
  const env = process.env
  const port = options.port ?? (Number(env.SANDBOX_PSP_PORT) || portOf(env.SANDBOX_PSP_URL) || DEFAULT_SANDBOX_PSP_PORT)
  const allowFaults =
    options.allowFaults ?? (env.SANDBOX_PSP_ALLOW_FAULTS ? env.SANDBOX_PSP_ALLOW_FAULTS === "true" : env.NODE_ENV !== "production")
  const server = new SandboxPspServer({
    allowFaults,
    faults: options.faults ?? (env.SANDBOX_PSP_FAULTS ? parseFaultConfig(env.SANDBOX_PSP_FAULTS) : undefined),
    apiKey: options.apiKey ?? (env.SANDBOX_PSP_API_KEY || DEV_SANDBOX_PSP_API_KEY),
    dataFile: options.dataFile ?? (env.SANDBOX_PSP_DATA_FILE || undefined),
    webhook: {
      url: options.webhookUrl ?? (env.SANDBOX_PSP_WEBHOOK_URL || `http://localhost:${env.PORT || 9000}/hooks/payment/sandbox_sandbox`),
      secret: options.webhookSecret ?? (env.SANDBOX_PSP_WEBHOOK_SECRET || DEV_SANDBOX_PSP_WEBHOOK_SECRET),
      maxAttempts: options.webhookMaxAttempts,
      backoffMs: options.webhookBackoffMs,
      log: options.log ?? ((m) => console.warn(`[sandbox-psp] ${m}`)),
    },
  })
  const url = await server.listen(port, options.host ?? "127.0.0.1")
  return { url, port: server.port, server, close: () => server.close(), setFaults: (config: FaultConfig) => server.setFaults(config) }
}

function portOf(url?: string): number | undefined {
  if (!url) return undefined
  try {
    return Number(new URL(url).port) || undefined
  } catch {
    return undefined
  }
}
