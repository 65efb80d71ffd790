import { toMinor } from "../../lib/money"
import { SandboxPspClient } from "../../modules/sandbox-payment/client"

/**
 * Asks the sandbox PSP what it holds for a payment (captured, refunded, minor units), for the money
 * checker. Other providers answer null (not compared). Reads the same settings as medusa-config.
 */
export function sandboxPspFigures(env: NodeJS.ProcessEnv = process.env) {
  const client = new SandboxPspClient({ baseUrl: env.SANDBOX_PSP_URL || "http://localhost:9010", apiKey: env.SANDBOX_PSP_API_KEY || "sk_sandbox_dev", timeoutMs: 5000, retries: 0 })
  return async (payment: { provider_id?: string; data?: any }) => {
    const intentId = payment.data?.intent_id
    if (payment.provider_id !== "pp_sandbox_sandbox" || !intentId) return null
    const intent = await client.retrieveIntent(intentId)
    return { captured: intent.amount_captured, refunded: intent.amount_refunded }
  }
}
