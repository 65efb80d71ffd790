/** The sandbox PSP's REST contract (docs/sandbox-psp.md). Every amount is an integer in minor units. */

export type IntentStatus =
  | "requires_action" // the card needs the buyer's authentication (3-D Secure style) first
  | "requires_payment_method" // declined: the intent stays, with last_payment_error
  | "requires_capture" // authorized, nothing captured yet
  | "partially_captured" // some captured, more may be captured
  | "succeeded" // nothing left to capture (fully captured, or the rest released)
  | "canceled" // voided before any capture

export type PaymentError = {
  type: "card_error" | "invalid_request_error" | "api_error" | "idempotency_error"
  code: string
  decline_code?: string
  message: string
}

/** `idempotency_key`: the key of the request that made it (null without one), kept after the key's record expires. */
export type Capture = { id: string; amount: number; created: number; idempotency_key?: string | null }
export type Refund = { id: string; amount: number; created: number; idempotency_key?: string | null }

export type PaymentIntent = {
  id: string // spi_…
  object: "payment_intent"
  status: IntentStatus
  amount: number // authorized
  currency: string // lower-case ISO 4217
  amount_capturable: number
  amount_captured: number
  amount_refunded: number
  amount_canceled: number // released without capture
  card_last4: string
  captures: Capture[]
  refunds: Refund[]
  last_payment_error: PaymentError | null
  next_action: { type: "authenticate"; url: string } | null
  metadata: Record<string, string>
  /** The key of the request that created the intent (null without one). */
  idempotency_key?: string | null
  created: number
}

/** `GET /v1/idempotency_keys/:key`: the stored answer of the POST made with that key. */
export type IdempotencyRecord = {
  object: "idempotency_key"
  key: string
  status: number // the HTTP status the PSP answered (or would have, before a fault)
  body: unknown // the answer: the intent, or `{ error }` for a 4xx
  request: { method: string; path: string } | null
  created: number // unix seconds
}

export type WebhookEventType =
  | "payment_intent.requires_action"
  | "payment_intent.authorized"
  | "payment_intent.payment_failed"
  | "payment_intent.captured"
  | "payment_intent.capture_failed"
  | "payment_intent.refunded"
  | "payment_intent.canceled"

export type WebhookEvent = {
  id: string // evt_…
  object: "event"
  type: WebhookEventType
  created: number
  data: { object: PaymentIntent; capture?: Capture; refund?: Refund }
}

export type SandboxProviderOptions = {
  baseUrl: string
  apiKey: string
  webhookSecret: string
  /** Seconds a webhook's timestamp may differ from now (default 300). */
  webhookToleranceSeconds?: number
  /** Per-request timeout towards the PSP in ms (default 10000). */
  timeoutMs?: number
}
