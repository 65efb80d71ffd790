import crypto from "node:crypto"
import { AbstractPaymentProvider, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  Logger,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { MajorAmount, toMajorString, toMinor } from "../../lib/money"
import { PspUnavailableError } from "../../lib/psp-unavailable"
import { receiptTime } from "../../lib/webhook-receipt"
import { CreateIntentInput, SandboxPspClient, SandboxPspError } from "./client"
import { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_HEADER, verifySignature, WebhookSignatureError } from "./signature"
import type { PaymentIntent, SandboxProviderOptions, WebhookEvent } from "./types"
import { WebhookEventLog } from "./webhook-event-log"

/**
 * What Medusa stores in PaymentSession.data / Payment.data for this provider (in PostgreSQL, so a
 * restart loses nothing). Amounts are integer minor units, like the PSP's; `amount_to_capture` is
 * the one exception: set by our per-line capture workflow in Medusa's major units, consumed and
 * cleared by the next capture.
 */
export type SandboxPaymentData = {
  session_id?: string
  currency_code: string
  amount: number
  card_number?: string // only until the authorization; never stored afterwards
  intent_id?: string
  status?: PaymentIntent["status"]
  amount_capturable?: number
  amount_captured?: number
  amount_refunded?: number
  amount_canceled?: number
  card_last4?: string
  last_payment_error?: PaymentIntent["last_payment_error"]
  next_action?: PaymentIntent["next_action"]
  amount_to_capture?: MajorAmount
  /** Set by our payment-operations journal just before it calls Medusa: the PSP key of that operation. */
  operation_key?: string
  /** The kind of call the key is for (capture, refund, cancel): no other call uses it. */
  operation_kind?: string
}

type Cradle = Record<string, unknown>

export default class SandboxPaymentProviderService extends AbstractPaymentProvider<SandboxProviderOptions> {
  static identifier = "sandbox"

  protected readonly client: SandboxPspClient
  protected readonly options_: SandboxProviderOptions
  protected readonly logger_?: Logger
  protected readonly webhookEvents: WebhookEventLog
  private readonly cradle_: Cradle

  static validateOptions(options: Record<string, unknown>) {
    for (const key of ["baseUrl", "apiKey", "webhookSecret"]) {
      if (!options?.[key] || typeof options[key] !== "string") {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Sandbox payment provider: option \`${key}\` is required`)
      }
    }
  }

  constructor(cradle: Cradle, options: SandboxProviderOptions) {
    super(cradle, options)
    this.cradle_ = cradle
    this.options_ = options
    this.client = new SandboxPspClient({ baseUrl: options.baseUrl, apiKey: options.apiKey, timeoutMs: options.timeoutMs })
    this.logger_ = optional<Logger>(cradle, "logger")
    this.webhookEvents = new WebhookEventLog(optional(cradle, "__pg_connection__"))
  }

  async initiatePayment({ amount, currency_code, data }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const sessionId = typeof data?.session_id === "string" ? data.session_id : undefined
    const sessionData: SandboxPaymentData = {
      session_id: sessionId,
      currency_code: currency_code.toLowerCase(),
      amount: toMinor(amount as MajorAmount, currency_code),
      card_number: typeof data?.card_number === "string" ? data.card_number : undefined,
    }
    // Nothing exists at the PSP until the authorization: the card is only known at checkout.
    return { id: sessionId ?? `sbx_${crypto.randomUUID()}`, data: sessionData, status: PaymentSessionStatus.PENDING }
  }

  async updatePayment({ amount, currency_code, data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const current = data as unknown as SandboxPaymentData
    const next: SandboxPaymentData = { ...current, currency_code: currency_code.toLowerCase(), amount: toMinor(amount as MajorAmount, currency_code) }
    // An intent waiting for the buyer's authentication is for the old amount: void it, start afresh.
    if (current.intent_id && current.status === "requires_action" && next.amount !== current.amount) {
      await this.client.cancel(current.intent_id).catch(() => undefined)
      return { data: withoutIntent(next), status: PaymentSessionStatus.PENDING }
    }
    return { data: next as unknown as Record<string, unknown> }
  }

  async authorizePayment({ data, context }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const current = data as unknown as SandboxPaymentData
    if (current.intent_id) {
      // A second call after requires_action: ask the PSP what became of the intent.
      const intent = await this.call(() => this.client.retrieveIntent(current.intent_id!))
      if (intent.status !== "requires_payment_method" && intent.status !== "canceled") {
        return { status: sessionStatus(intent), data: this.toData(intent, current) }
      }
      // Declined or voided before: a new attempt (possibly with another card) gets a new intent.
    }
    const request: CreateIntentInput = {
      amount: current.amount,
      currency: current.currency_code,
      card_number: current.card_number,
      metadata: current.session_id ? { session_id: current.session_id } : undefined,
    }
    // Medusa retries an authorization with the session id as key; a changed card is a new request.
    const key = context?.idempotency_key ? `${context.idempotency_key}:authorize:${digest(request)}` : undefined
    try {
      const intent = await this.client.createIntent(request, key)
      return { status: sessionStatus(intent), data: this.toData(intent, current) }
    } catch (e) {
      if (e instanceof SandboxPspError && !e.retryable && e.status === 402) {
        const declined: SandboxPaymentData = e.intent
          ? (this.toData(e.intent, current) as unknown as SandboxPaymentData)
          : { ...withoutCard(current), last_payment_error: { type: "card_error", code: e.code, message: e.message } }
        return { status: PaymentSessionStatus.ERROR, data: declined as unknown as Record<string, unknown> }
      }
      throw this.toMedusaError(e, "authorize")
    }
  }

  async capturePayment({ data, context }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const current = data as unknown as SandboxPaymentData
    const intentId = requireIntent(current)
    const amount = await this.amountToCapture(current, context?.idempotency_key)
    const intent = await this.call(() => this.client.capture(intentId, amount, pspKey(current, context?.idempotency_key, "capture")), "capture")
    return { data: this.toData(intent, current) }
  }

  async refundPayment({ amount, data, context }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const current = data as unknown as SandboxPaymentData
    const intentId = requireIntent(current)
    const minor = toMinor(amount as MajorAmount, current.currency_code)
    const intent = await this.call(() => this.client.refund(intentId, minor, pspKey(current, context?.idempotency_key, "refund")), "refund")
    return { data: this.toData(intent, current) }
  }

  async cancelPayment({ data, context }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const current = data as unknown as SandboxPaymentData
    if (!current?.intent_id) return { data: data as Record<string, unknown> }
    const intent = await this.call(() => this.client.cancel(current.intent_id!, pspKey(current, context?.idempotency_key, "cancel")), "cancel")
    return { data: this.toData(intent, current) }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    const current = input.data as unknown as SandboxPaymentData
    // A session being dropped may still hold an authorization or a pending authentication: release it.
    if (current?.intent_id && (current.status === "requires_capture" || current.status === "requires_action")) {
      return this.cancelPayment(input)
    }
    return { data: input.data as Record<string, unknown> }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const current = data as unknown as SandboxPaymentData
    if (!current?.intent_id) return { status: PaymentSessionStatus.PENDING, data: data as Record<string, unknown> }
    const intent = await this.call(() => this.client.retrieveIntent(current.intent_id!))
    return { status: sessionStatus(intent), data: this.toData(intent, current) }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const current = data as unknown as SandboxPaymentData
    const intent = await this.call(() => this.client.retrieveIntent(requireIntent(current)))
    return { data: this.toData(intent, current) }
  }

  /**
   * Verifies the Sandbox-Signature over the raw body (bad or stale: throws), ignores an event id seen
   * before, and derives the action from the intent's *current* state at the PSP, so a late or
   * reordered event cannot move a payment backwards. Captures and refunds are initiated by Medusa
   * and booked synchronously, so their events are informational: acting on them would book them twice.
   */
  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const event = this.verifyWebhook(payload)
    const intentId = event.data?.object?.id
    if (!intentId) return { action: PaymentActions.NOT_SUPPORTED }
    // Fetch before recording the event: if the PSP is unreachable the delivery fails and can be retried.
    const intent = await this.call(() => this.client.retrieveIntent(intentId))
    if (!(await this.webhookEvents.recordFirstDelivery(event.id, event.type, intentId))) {
      this.logger_?.info?.(`sandbox-payment: webhook ${event.id} already processed, ignored`)
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    const session_id = intent.metadata?.session_id
    const major = (minor: number) => toMajorString(minor, intent.currency)
    switch (event.type) {
      case "payment_intent.authorized":
        if (intent.status === "canceled") return { action: PaymentActions.CANCELED, data: { session_id, amount: major(intent.amount) } }
        return { action: PaymentActions.AUTHORIZED, data: { session_id, amount: major(intent.amount) } }
      case "payment_intent.requires_action":
        if (intent.status !== "requires_action") return { action: PaymentActions.NOT_SUPPORTED }
        return { action: PaymentActions.REQUIRES_MORE, data: { session_id, amount: major(intent.amount) } }
      case "payment_intent.payment_failed":
        if (intent.status !== "requires_payment_method") return { action: PaymentActions.NOT_SUPPORTED }
        return { action: PaymentActions.FAILED, data: { session_id, amount: major(intent.amount) } }
      case "payment_intent.canceled":
        return { action: PaymentActions.CANCELED, data: { session_id, amount: major(intent.amount_canceled) } }
      default:
        return { action: PaymentActions.NOT_SUPPORTED }
    }
  }

  /**
   * Checks signature and freshness and returns the parsed event; throws MedusaError(UNAUTHORIZED)
   * otherwise. Freshness is measured at the delivery's arrival, stamped by the receipt middleware
   * (src/lib/webhook-receipt.ts): Medusa processes the event seconds later, and an event fresh on
   * arrival must not be dropped as stale then. Without a valid stamp: measured now.
   */
  verifyWebhook(payload: ProviderWebhookPayload["payload"]): WebhookEvent {
    const raw = rawBodyOf(payload)
    const header = payload?.headers?.[SIGNATURE_HEADER] as string | undefined
    const receivedAt = receiptTime(payload?.headers, this.options_.webhookSecret, header)
    try {
      verifySignature(raw, header, this.options_.webhookSecret, {
        toleranceSeconds: this.options_.webhookToleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
        now: receivedAt === undefined ? undefined : Math.floor(receivedAt / 1000),
      })
    } catch (e) {
      if (e instanceof WebhookSignatureError) {
        this.logger_?.warn?.(`sandbox-payment: webhook rejected (${e.reason}): ${e.message}`)
        throw new MedusaError(MedusaError.Types.UNAUTHORIZED, `Sandbox webhook rejected: ${e.reason}`)
      }
      throw e
    }
    // Parse the verified bytes, never a re-serialized body.
    return JSON.parse(Buffer.isBuffer(raw) ? raw.toString("utf8") : raw!) as WebhookEvent
  }

  /**
   * Medusa's capture workflow books the amount but does not hand it to the provider. In order:
   * `amount_to_capture` set on the payment data by our per-line capture; otherwise the amount of
   * Medusa's own capture record (its id is the idempotency key); otherwise whatever remains.
   */
  protected async amountToCapture(data: SandboxPaymentData, captureId?: string): Promise<number | undefined> {
    const explicit = data.amount_to_capture != null && data.amount_to_capture !== "" ? toMinor(data.amount_to_capture, data.currency_code, "reject") : undefined
    const booked = captureId ? await this.bookedCaptureAmount(captureId, data.currency_code) : undefined
    if (explicit !== undefined && booked !== undefined && explicit !== booked) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `amount_to_capture (${explicit}) differs from the capture Medusa booked (${booked}); refusing to let the PSP and Medusa disagree`
      )
    }
    return explicit ?? booked
  }

  private async bookedCaptureAmount(captureId: string, currency: string): Promise<number | undefined> {
    const captureService = optional<any>(this.cradle_, "captureService")
    if (!captureService || !captureId.startsWith("capt_")) return undefined
    try {
      const capture = await captureService.retrieve(captureId, { select: ["id", "amount", "raw_amount"] })
      return toMinor((capture.raw_amount ?? capture.amount) as MajorAmount, currency)
    } catch {
      return undefined
    }
  }

  protected toData(intent: PaymentIntent, previous: SandboxPaymentData): Record<string, unknown> {
    const data: SandboxPaymentData = {
      session_id: previous?.session_id ?? intent.metadata?.session_id,
      currency_code: intent.currency,
      amount: intent.amount,
      intent_id: intent.id,
      status: intent.status,
      amount_capturable: intent.amount_capturable,
      amount_captured: intent.amount_captured,
      amount_refunded: intent.amount_refunded,
      amount_canceled: intent.amount_canceled,
      card_last4: intent.card_last4,
      last_payment_error: intent.last_payment_error,
      next_action: intent.next_action,
    }
    return data as unknown as Record<string, unknown>
  }

  private async call<T>(fn: () => Promise<T>, operation = "request"): Promise<T> {
    try {
      return await fn()
    } catch (e) {
      throw this.toMedusaError(e, operation)
    }
  }

  /** Outages become 503 PSP_UNAVAILABLE for the caller; where the call went is logged here, never answered. */
  private toMedusaError(e: unknown, operation: string): Error {
    if (e instanceof SandboxPspError && e.retryable) {
      this.logger_?.warn?.(`sandbox-payment: ${operation} failed, PSP unavailable (${e.code}): ${e.detail ?? e.message}`)
      return new PspUnavailableError()
    }
    return toMedusaError(e, operation)
  }
}

function sessionStatus(intent: PaymentIntent): PaymentSessionStatus {
  switch (intent.status) {
    case "requires_capture":
    case "partially_captured":
      return PaymentSessionStatus.AUTHORIZED
    case "succeeded":
      return PaymentSessionStatus.CAPTURED
    case "requires_action":
      return PaymentSessionStatus.REQUIRES_MORE
    case "canceled":
      return PaymentSessionStatus.CANCELED
    case "requires_payment_method":
    default:
      return PaymentSessionStatus.ERROR
  }
}

function toMedusaError(e: unknown, operation: string): Error {
  if (!(e instanceof SandboxPspError)) return e as Error
  const type =
    e.status === 404
      ? MedusaError.Types.NOT_FOUND
      : e.status === 409
        ? MedusaError.Types.NOT_ALLOWED
        : e.status === 400 || e.status === 402
          ? MedusaError.Types.INVALID_DATA
          : MedusaError.Types.UNEXPECTED_STATE
  return new MedusaError(type, `Sandbox PSP ${operation} failed (${e.code}): ${e.message}`, e.code)
}

/**
 * The Idempotency-Key sent to the PSP: the journaled operation's own key when our journal drives
 * the call (a retry or a recovery of that operation is then recognised by the PSP), else one
 * derived from Medusa's record id.
 */
function pspKey(data: SandboxPaymentData, medusaKey: string | undefined, operation: string): string | undefined {
  if (data?.operation_key && data.operation_kind === operation) return data.operation_key
  return medusaKey ? `${medusaKey}:${operation}` : undefined
}

function requireIntent(data: SandboxPaymentData): string {
  if (!data?.intent_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Sandbox payment has no payment intent id")
  return data.intent_id
}

function withoutCard(data: SandboxPaymentData): SandboxPaymentData {
  const { card_number: _card, ...rest } = data
  return rest
}

function withoutIntent(data: SandboxPaymentData): Record<string, unknown> {
  const { intent_id, status, amount_capturable, amount_captured, amount_refunded, amount_canceled, next_action, last_payment_error, ...rest } = data
  return rest as unknown as Record<string, unknown>
}

function rawBodyOf(payload: ProviderWebhookPayload["payload"]): string | Buffer | undefined {
  const raw = payload?.rawData as unknown
  if (Buffer.isBuffer(raw) || typeof raw === "string") return raw
  // Through a serializing event bus a Buffer arrives as { type: "Buffer", data: [...] }.
  if (raw && typeof raw === "object" && (raw as any).type === "Buffer" && Array.isArray((raw as any).data)) {
    return Buffer.from((raw as any).data)
  }
  return undefined
}

function optional<T>(cradle: Cradle, key: string): T | undefined {
  try {
    return cradle[key] as T
  } catch {
    return undefined
  }
}

function digest(value: unknown): string {
  return crypto.createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16)
}
