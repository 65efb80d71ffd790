import { createRequire } from "node:module"
import { StripeProviderService } from "@medusajs/payment-stripe/dist/services"
import { getSmallestUnit } from "@medusajs/payment-stripe/dist/utils/get-smallest-unit"
import type { PaymentIntentOptions, StripeOptions } from "@medusajs/payment-stripe/dist/types"
import type { CapturePaymentInput, CapturePaymentOutput, Logger, ProviderWebhookPayload, RefundPaymentInput, RefundPaymentOutput } from "@medusajs/framework/types"
import { receiptTime } from "../../lib/webhook-receipt"
import { PspUnavailableError } from "../../lib/psp-unavailable"

/**
 * Medusa's Stripe card provider (`@medusajs/payment-stripe`), with two additions:
 *
 * - `apiBase` (e.g. `http://localhost:12111`): the bundled Stripe SDK is rebuilt with `{ host, port,
 *   protocol }` so the provider can talk to a local server implementing Stripe's REST contract.
 *   Unset: the SDK talks to https://api.stripe.com exactly as Medusa's provider does.
 * - per-line capture: Medusa does not hand the capture amount to the provider; like the sandbox
 *   provider we read the amount of the capture Medusa is booking (its id is the idempotency key)
 *   and capture exactly that with Stripe multicapture (`final_capture: false` until the last part).
 * - webhooks are verified at receipt (src/api/hooks/verify-at-receipt.ts); when the event is
 *   processed later its signature's age is measured at that receipt, not at processing time.
 */
export type StripePaymentOptions = StripeOptions & {
  /** Base URL of the Stripe API (scheme, host, optional port). Unset: api.stripe.com. */
  apiBase?: string
  /** Stripe SDK retries on connection errors, 409, 5xx and `Stripe-Should-Retry: true`. Default 2. */
  maxNetworkRetries?: number
  /** Request timeout in ms (SDK default 80 s). */
  timeoutMs?: number
  /** Request multicapture on card intents (default true). */
  multicapture?: boolean
}

type Cradle = Record<string, unknown>
type StripeClient = StripeProviderService["stripe_"]
type StripeCtor = new (key: string, config?: Record<string, unknown>) => StripeClient

export default class StripePaymentProviderService extends StripeProviderService {
  static identifier = "stripe"

  protected readonly cradle_: Cradle
  declare stripe_: StripeClient // public: tests and scripts may call the configured client
  protected readonly stripeOptions_: StripePaymentOptions

  constructor(cradle: Cradle, options: StripePaymentOptions) {
    super(cradle, options)
    this.cradle_ = cradle
    this.stripeOptions_ = options
    // The SDK Medusa's provider bundles (its own nested `stripe` version), only reconfigured.
    const Stripe = bundledStripe()
    this.stripe_ = new Stripe(options.apiKey, stripeClientConfig(options))
  }

  static validateOptions(options: StripePaymentOptions) {
    StripeProviderService.validateOptions(options)
    if (options.apiBase) parseApiBase(String(options.apiBase)) // throws on a malformed URL
  }

  /** Manual capture (unless option `capture`) and, for cards, multicapture when the card network allows it. */
  get paymentIntentOptions(): PaymentIntentOptions {
    if (this.stripeOptions_?.capture) return { capture_method: "automatic" }
    if (this.stripeOptions_?.multicapture === false) return { capture_method: "manual" }
    return {
      capture_method: "manual",
      payment_method_options: { card: { request_multicapture: "if_available" } },
    } as unknown as PaymentIntentOptions
  }

  /**
   * Captures the amount of the capture Medusa is booking:
   * - not found (or it covers all that is still capturable): full capture, like Medusa's provider;
   * - smaller, multicapture available on the charge: `amount_to_capture` with `final_capture: false`;
   * - smaller, multicapture unavailable: the whole remaining authorization is captured now (Stripe
   *   would release the rest on a partial capture), Medusa keeps booking its parts; the money is held.
   * An intent already `succeeded` is returned as is, so later per-line captures after such an escrow
   * capture are no-ops at Stripe.
   */
  async capturePayment({ data, context }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const id = data?.id as string | undefined
    if (!id) return super.capturePayment({ data, context })
    const booked = context?.idempotency_key ? await this.bookedCaptureAmount(context.idempotency_key, String(data?.currency ?? "")) : undefined
    // Our payment-operations journal names the operation's key: a recovery re-sends exactly it.
    const key = (data?.operation_kind === "capture" ? (data?.operation_key as string | undefined) : undefined) ?? context?.idempotency_key
    context = { ...context, idempotency_key: key }
    let intent: any
    try {
      intent = await this.stripe_.paymentIntents.retrieve(id, { expand: ["latest_charge"] })
    } catch (e) {
      throw this.buildError("An error occurred in capturePayment", e as Error)
    }
    if (intent.status === "succeeded") return { data: intent }
    if (booked === undefined || booked >= intent.amount_capturable) {
      return super.capturePayment({ data, context })
    }
    const multicapture = intent.latest_charge?.payment_method_details?.card?.multicapture?.status === "available"
    if (!multicapture) {
      this.logger()?.warn?.(
        `stripe-payment: multicapture unavailable for ${id}; capturing the full ${intent.amount_capturable} now for a booked part of ${booked}`
      )
      return super.capturePayment({ data, context })
    }
    try {
      const captured = await this.stripe_.paymentIntents.capture(
        id,
        { amount_to_capture: booked, final_capture: false } as any,
        { idempotencyKey: key }
      )
      return { data: captured as unknown as Record<string, unknown> }
    } catch (e) {
      throw this.buildError("An error occurred in capturePayment", e as Error)
    }
  }

  /**
   * Medusa's check, with the tolerance measured at the stamped arrival time: an event accepted at
   * receipt is not dropped because the event bus processed it seconds later (issue 17 §7).
   */
  constructWebhookEvent(data: ProviderWebhookPayload["payload"]) {
    const signature = data.headers?.[STRIPE_SIGNATURE_HEADER] as string | undefined
    const secret = this.stripeOptions_.webhookSecret
    try {
      return verifyStripeSignature(data.rawData as string | Buffer, signature, secret, receiptTime(data.headers, secret, signature))
    } catch (error) {
      throw this.buildError("An error occurred in constructWebhookEvent", error as Error)
    }
  }

  /** A refund journaled by us carries its operation's key, so a recovery re-sends exactly it. */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const key = (input.data?.operation_kind === "refund" ? (input.data?.operation_key as string | undefined) : undefined) ?? input.context?.idempotency_key
    return super.refundPayment({ ...input, context: { ...input.context, idempotency_key: key } })
  }

  /**
   * Stripe unreachable, timing out or failing on its side (after the SDK's own retries with the same
   * Idempotency-Key) is an outage: 503 PSP_UNAVAILABLE for the caller, the details in the log only.
   */
  protected buildError(message: string, error: Error): Error {
    const e = error as any
    if (e?.type === "StripeConnectionError" || e?.type === "StripeAPIError" || (typeof e?.statusCode === "number" && e.statusCode >= 500)) {
      this.logger()?.warn?.(`stripe-payment: ${message}: Stripe unavailable (${e.type ?? e.statusCode}): ${e.message}`)
      return new PspUnavailableError()
    }
    return super.buildError(message, error)
  }

  /** Amount (Stripe minor units) of Medusa's capture record `captureId`, if it is one. */
  protected async bookedCaptureAmount(captureId: string, currency: string): Promise<number | undefined> {
    const captureService = optional<any>(this.cradle_, "captureService")
    if (!captureService || !currency || !captureId.startsWith("capt_")) return undefined
    try {
      const capture = await captureService.retrieve(captureId, { select: ["id", "amount", "raw_amount"] })
      return getSmallestUnit(capture.raw_amount ?? capture.amount, currency)
    } catch {
      return undefined
    }
  }

  private logger(): Logger | undefined {
    return optional<Logger>(this.cradle_, "logger")
  }
}

export const STRIPE_SIGNATURE_HEADER = "stripe-signature"

/**
 * Stripe's own check (Stripe-Signature: t=…,v1=HMAC-SHA256 of "t.body", default tolerance 300 s)
 * from the bundled SDK, the same code Medusa's provider runs; `receivedAtMs` is when the delivery
 * arrived (default now). Returns the event; throws StripeSignatureVerificationError.
 */
export function verifyStripeSignature(rawBody: string | Buffer, signature: string | undefined, secret: string, receivedAtMs?: number) {
  const Stripe = bundledStripe() as any
  return Stripe.webhooks.constructEvent(rawBody, signature, secret, undefined, undefined, receivedAtMs)
}

/** `stripe` as resolved from @medusajs/payment-stripe (it may nest its own version). */
function bundledStripe(): StripeCtor {
  const requireFromProvider = createRequire(require.resolve("@medusajs/payment-stripe/dist/core/stripe-base"))
  const mod = requireFromProvider("stripe")
  return (mod.default ?? mod) as StripeCtor
}

export function stripeClientConfig(options: StripePaymentOptions): Record<string, unknown> {
  const config: Record<string, unknown> = { maxNetworkRetries: options.maxNetworkRetries ?? 2 }
  if (options.timeoutMs) config.timeout = options.timeoutMs
  if (options.apiBase) Object.assign(config, parseApiBase(options.apiBase))
  return config
}

export function parseApiBase(apiBase: string): { host: string; port: number; protocol: "http" | "https" } {
  let url: URL
  try {
    url = new URL(apiBase)
  } catch {
    throw new Error(`Stripe provider: option \`apiBase\` is not a URL: ${apiBase}`)
  }
  const protocol = url.protocol.replace(":", "")
  if (protocol !== "http" && protocol !== "https") {
    throw new Error(`Stripe provider: option \`apiBase\` must be http(s): ${apiBase}`)
  }
  if (url.pathname !== "/" && url.pathname !== "") {
    throw new Error(`Stripe provider: option \`apiBase\` cannot have a path (the SDK always calls /v1/...): ${apiBase}`)
  }
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === "https" ? 443 : 80, protocol }
}

function optional<T>(cradle: Cradle, key: string): T | undefined {
  try {
    return cradle[key] as T
  } catch {
    return undefined
  }
}
