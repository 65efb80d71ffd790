import { SandboxPspServer } from "./server"

export { SandboxPspServer } from "./server"
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
}

export const DEV_SANDBOX_PSP_API_KEY = "sk_sandbox_dev"
export const DEV_SANDBOX_PSP_WEBHOOK_SECRET = "whsec_sandbox_dev"
export const DEFAULT_SANDBOX_PSP_PORT = 9010

/** Starts the sandbox PSP; every option falls back to the same environment the provider reads. */
export async function startSandboxPsp(options: StartSandboxPspOptions = {}) {
  const env = process.env
  const port = options.port ?? (Number(env.SANDBOX_PSP_PORT) || portOf(env.SANDBOX_PSP_URL) || DEFAULT_SANDBOX_PSP_PORT)
  const server = new SandboxPspServer({
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
  return { url, port: server.port, server, close: () => server.close() }
}

function portOf(url?: string): number | undefined {
  if (!url) return undefined
  try {
    return Number(new URL(url).port) || undefined
  } catch {
    return undefined
  }
}
