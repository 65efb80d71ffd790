import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../lib/snail-error"
import { DEV_SANDBOX_PSP_WEBHOOK_SECRET } from "../../modules/sandbox-payment/psp-server"
import { SIGNATURE_HEADER, verifySignature, WebhookSignatureError } from "../../modules/sandbox-payment/signature"

/**
 * Medusa's payment webhook route answers 200 before its subscriber checks anything, so a forged
 * or stale call would look accepted. This gate checks the signature first and answers 400 with a
 * code; the provider checks it again (and de-duplicates by event id) when it processes the event.
 */
export function verifySandboxWebhook(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    verifySignature((req as any).rawBody, req.headers[SIGNATURE_HEADER], process.env.SANDBOX_PSP_WEBHOOK_SECRET || DEV_SANDBOX_PSP_WEBHOOK_SECRET)
    next()
  } catch (e) {
    if (e instanceof WebhookSignatureError) {
      return next(new SnailError(400, "INVALID_WEBHOOK_SIGNATURE", `Webhook rejected: ${e.message}`))
    }
    next(e)
  }
}
