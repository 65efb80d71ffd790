import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PspUnavailableError } from "../../lib/psp-unavailable"
import { SnailError } from "../../lib/snail-error"
import { SandboxPspClient, SandboxPspError } from "../../modules/sandbox-payment/client"
import { DEFAULT_SANDBOX_PSP_PORT, DEV_SANDBOX_PSP_API_KEY, DEV_SANDBOX_PSP_WEBHOOK_SECRET } from "../../modules/sandbox-payment/psp-server"
import { SIGNATURE_HEADER, verifySignature, WebhookSignatureError } from "../../modules/sandbox-payment/signature"

/**
 * Medusa's payment webhook route answers 200 before its subscriber checks anything, so a forged
 * or stale call would look accepted. This gate checks the signature first and answers 400 with a
 * code; the provider checks it again (and de-duplicates by event id) when it processes the event.
 *
 * The subscriber then reads the intent from the PSP's API; if that API is down the event would be
 * acknowledged and lost. So the gate reads it first and answers 503 PSP_UNAVAILABLE when it cannot:
 * the PSP delivers the event again later (it retries any non-2xx with backoff).
 */
export async function verifySandboxWebhook(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    verifySignature((req as any).rawBody, req.headers[SIGNATURE_HEADER], process.env.SANDBOX_PSP_WEBHOOK_SECRET || DEV_SANDBOX_PSP_WEBHOOK_SECRET)
  } catch (e) {
    if (e instanceof WebhookSignatureError) {
      return next(new SnailError(400, "INVALID_WEBHOOK_SIGNATURE", `Webhook rejected: ${e.message}`))
    }
    return next(e)
  }
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
