import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SnailError } from "../../lib/snail-error"
import { RECEIPT_HEADER, stampReceipt } from "../../lib/webhook-receipt"
import { DEV_SANDBOX_PSP_WEBHOOK_SECRET } from "../../modules/sandbox-payment/psp-server"
import { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_HEADER, verifySignature } from "../../modules/sandbox-payment/signature"
import { STRIPE_SIGNATURE_HEADER, verifyStripeSignature } from "../../modules/stripe-payment/service"

/**
 * Payment webhooks are verified once, when they arrive (issue 17 §7). Medusa's /hooks/payment
 * route answers 200 before anything checks the call and processes it later through the event bus,
 * so without this gate a forged or stale call looks accepted and the sender never retries. Here a
 * refused call gets 400 (the sender retries it); an accepted one is stamped with its arrival time
 * (src/lib/webhook-receipt.ts) so the provider measures the signature's age at arrival however
 * long processing waits. The provider still checks the HMAC itself and de-duplicates by event id.
 */
type Verifier = { providerId: string; signatureHeader: string; secret: (options: any) => string | undefined; verify: (raw: any, header: any, secret: string, options: any, now: number) => void }

const VERIFIERS: Record<string, Verifier> = {
  sandbox_sandbox: {
    providerId: "sandbox",
    signatureHeader: SIGNATURE_HEADER,
    secret: (o) => o?.webhookSecret || process.env.SANDBOX_PSP_WEBHOOK_SECRET || DEV_SANDBOX_PSP_WEBHOOK_SECRET,
    verify: (raw, header, secret, o, now) =>
      verifySignature(raw, header, secret, { toleranceSeconds: o?.webhookToleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS, now: Math.floor(now / 1000) }),
  },
  stripe_stripe: {
    providerId: "stripe",
    signatureHeader: STRIPE_SIGNATURE_HEADER,
    secret: (o) => o?.webhookSecret,
    verify: (raw, header, secret, _o, now) => verifyStripeSignature(raw, header, secret, now),
  },
}

/** Options medusa-config gives the payment provider registered with `id`. */
function providerOptions(req: MedusaRequest, id: string): Record<string, any> | undefined {
  const modules = (req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as any)?.modules ?? {}
  const payment = Object.values(modules).find((m: any) => m?.resolve === "@medusajs/medusa/payment") as any
  return payment?.options?.providers?.find((p: any) => p?.id === id)?.options
}

export function verifyPaymentWebhookAtReceipt(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  delete req.headers[RECEIPT_HEADER] // only this gate may write it
  const provider = req.params?.provider ?? req.path.split("/").filter(Boolean).pop() ?? ""
  const verifier = VERIFIERS[provider]
  if (!verifier) return next()
  const receivedAt = Date.now()
  const options = providerOptions(req, verifier.providerId)
  const secret = verifier.secret(options)
  const header = req.headers[verifier.signatureHeader]
  try {
    if (!secret) throw new Error("no webhook secret is configured for this provider")
    verifier.verify((req as any).rawBody, header, secret, options, receivedAt)
  } catch (e: any) {
    return next(new SnailError(400, "INVALID_WEBHOOK_SIGNATURE", `Webhook rejected: ${e?.message ?? e}`))
  }
  stampReceipt(req.headers as Record<string, unknown>, secret, String(header), receivedAt)
  next()
}
