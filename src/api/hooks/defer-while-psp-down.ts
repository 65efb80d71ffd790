import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PspUnavailableError } from "../../lib/psp-unavailable"
import { SandboxPspClient, SandboxPspError } from "../../modules/sandbox-payment/client"
import { DEFAULT_SANDBOX_PSP_PORT, DEV_SANDBOX_PSP_API_KEY } from "../../modules/sandbox-payment/psp-server"

/**
 * Runs after verifyPaymentWebhookAtReceipt (./verify-at-receipt.ts), which has checked the
 * signature and stamped the arrival time.
 *
 * The subscriber then reads the intent from the PSP's API; if that API is down the event would be
 * acknowledged and lost. So the gate reads it first and answers 503 PSP_UNAVAILABLE when it cannot:
 * the PSP delivers the event again later (it retries any non-2xx with backoff).
 */
export async function deferSandboxWebhookWhilePspDown(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if ((req.params?.provider ?? req.path.split("/").pop()) !== "sandbox_sandbox") return next()
  const intentId = (req.body as any)?.data?.object?.id
  if (typeof intentId !== "string") return next()
  try {
    await pspClient().retrieveIntent(intentId)
  } catch (e) {
    if (e instanceof SandboxPspError && e.retryable) {
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`sandbox webhook ${(req.body as any)?.id} deferred, PSP unavailable: ${e.detail ?? e.message}`)
      return next(new PspUnavailableError())
    }
    // Anything else (an unknown intent…) is the provider's to judge, as before.
  }
  next()
}

let client: { key: string; client: SandboxPspClient } | undefined

/** The same PSP as the provider (medusa-config reads the same variables); one attempt, the PSP retries the delivery. */
function pspClient(): SandboxPspClient {
  const env = process.env
  const baseUrl = env.SANDBOX_PSP_URL || `http://localhost:${DEFAULT_SANDBOX_PSP_PORT}`
  const apiKey = env.SANDBOX_PSP_API_KEY || DEV_SANDBOX_PSP_API_KEY
  const key = `${baseUrl} ${apiKey}`
  if (client?.key !== key) {
    client = { key, client: new SandboxPspClient({ baseUrl, apiKey, retries: 0, timeoutMs: Number(env.SANDBOX_PSP_TIMEOUT_MS) || 5000 }) }
  }
  return client.client
}
