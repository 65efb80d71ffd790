import crypto from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"
import type { PaymentError, PaymentIntent, WebhookEventType } from "../types"
import { captureFailsFor, cardOutcome, DEFAULT_TEST_CARD, refundFailsFor } from "./cards"
import { DEFAULT_SLOW_DELAY_MS, FaultConfig, FaultConfigError, FaultSwitch, operationOf, parseFaultConfig } from "./faults"
import { IntentStore, StoredEvent } from "./store"
import { WebhookConfig, WebhookDispatcher } from "./webhooks"

export type SandboxPspServerOptions = {
  apiKey: string
  webhook: WebhookConfig
  /** JSON file to persist into; in memory when absent. */
  dataFile?: string
  /** Public base URL, used in `next_action.url` (default: the listening address). */
  publicUrl?: string
  /** Test-only fault modes (`/v1/_test/faults`); without it that endpoint does not exist. */
  allowFaults?: boolean
  /** Fault mode to start in (needs allowFaults). */
  faults?: FaultConfig
}

class HttpError extends Error {
  constructor(public readonly status: number, public readonly error: PaymentError, public readonly intent?: PaymentIntent) {
    super(error.message)
  }
}

const MAX_BODY = 64 * 1024

/** The sandbox PSP: a small REST server with Stripe-like payment intents. Contract in docs/sandbox-psp.md. */
export class SandboxPspServer {
  readonly store: IntentStore
  private readonly webhooks: WebhookDispatcher
  private readonly server: http.Server
  private publicUrl?: string
  private readonly faults = new FaultSwitch()
  /** Idempotency keys whose request is being processed (only a `slow` fault makes that last). */
  private readonly inFlight = new Set<string>()
  private readonly sleeping = new Set<() => void>()
  private closing = false

  constructor(private readonly options: SandboxPspServerOptions) {
    if (options.faults && !options.allowFaults) throw new Error("Sandbox PSP: fault modes are for tests only (allowFaults is off)")
    if (options.faults) this.faults.set(options.faults)
    this.store = new IntentStore(options.dataFile)
    this.webhooks = new WebhookDispatcher(this.store, options.webhook)
    this.publicUrl = options.publicUrl
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((e) => send(res, 500, { error: { type: "api_error", code: "internal", message: String(e?.message ?? e) } }))
    })
  }

  async listen(port = 0, host = "127.0.0.1"): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject)
      this.server.listen(port, host, () => resolve())
    })
    const address = this.server.address() as AddressInfo
    this.publicUrl ??= `http://${host === "0.0.0.0" ? "localhost" : host}:${address.port}`
    this.webhooks.resumePending()
    return this.publicUrl
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }

  /** Switches a fault mode on (or `{ mode: "none" }` off) from code; same as `POST /v1/_test/faults`. */
  setFaults(config: FaultConfig) {
    if (!this.options.allowFaults) throw new Error("Sandbox PSP: fault modes are for tests only (allowFaults is off)")
    this.faults.set(parseFaultConfig(config))
  }

  async close() {
    // Requests held by a `slow` fault are dropped uncommitted rather than keeping the process alive.
    this.closing = true
    for (const wake of this.sleeping) wake()
    await this.webhooks.close()
    this.server.closeAllConnections?.()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
    this.store.save()
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://psp")
    const parts = url.pathname.split("/").filter(Boolean)
    const method = req.method ?? "GET"
    const operation = operationOf(method, parts)
    const isFaultSwitch = parts[0] === "v1" && parts[1] === "_test" && parts[2] === "faults" && parts.length === 3

    // `down`: the connection is closed before anything is read, as when the processor is unreachable.
    if (!isFaultSwitch && this.faults.take(operation, "arrive")) return void req.socket.destroy()
    if (method === "GET" && url.pathname === "/health") return send(res, 200, { ok: true })
    // The challenge page a buyer's browser is sent to for a `requires_action` intent (3-D Secure style):
    // it shows what is being paid and lets the buyer confirm or refuse, then returns to `return_url`.
    if (method === "GET" && parts.length === 4 && parts[0] === "v1" && parts[1] === "payment_intents" && parts[3] === "authenticate") {
      const intent = this.store.getIntent(parts[2])
      if (!intent) return send(res, 404, { error: notFound(`No such payment_intent: '${parts[2]}'`).error })
      return sendHtml(res, 200, challengePage(intent, url.searchParams.get("return_url")))
    }

    let body: Record<string, any>
    try {
      body = await readJson(req)
    } catch (e: any) {
      return send(res, 400, { error: { type: "invalid_request_error", code: "malformed_json", message: e.message } })
    }

    // The buyer's browser completes authentication itself, so this one step needs no API key.
    const isAuthenticate = method === "POST" && parts.length === 4 && parts[3] === "authenticate"
    if (parts[0] === "v1" && !isAuthenticate && !this.authorized(req)) {
      return send(res, 401, { error: { type: "invalid_request_error", code: "unauthorized", message: "Invalid API key" } })
    }

    if (isFaultSwitch) return this.faultSwitch(method, body, res)

    const idempotencyKey = method === "POST" ? header(req, "idempotency-key") : undefined
    const fingerprint = crypto.createHash("sha256").update(`${method} ${url.pathname} ${JSON.stringify(body)}`).digest("hex")
    if (idempotencyKey) {
      if (this.inFlight.has(idempotencyKey)) return send(res, 409, keyInUse())
      const previous = this.store.getIdempotent(idempotencyKey)
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          return send(res, 409, {
            error: { type: "invalid_request_error", code: "idempotency_key_reused", message: "This Idempotency-Key was used with another request" },
          })
        }
        res.setHeader("idempotent-replayed", "true")
        return send(res, previous.status, previous.body)
      }
    }

    if (idempotencyKey) this.inFlight.add(idempotencyKey)
    try {
      const fault = this.faults.take(operation, "process")
      if (fault?.mode === "slow" && !(await this.sleep(fault.delay_ms ?? DEFAULT_SLOW_DELAY_MS))) return void req.socket.destroy()

      let status = 200
      let result: unknown
      try {
        result = this.route(method, parts, body, url, idempotencyKey)
        if (method === "POST" && parts.length === 2) status = 201
      } catch (e) {
        if (!(e instanceof HttpError)) throw e
        status = e.status
        result = { error: { ...e.error, payment_intent: e.intent } }
      }
      // Like Stripe, answers are remembered except 401 and 5xx: a retry after a wrong key or an outage
      // can pass. The answer is a snapshot: a replay says what happened then, not the intent's state now.
      // It is stored before any fault below, so a retry after a lost or failed answer replays the commit.
      if (idempotencyKey && status !== 401 && status < 500) {
        const snapshot = JSON.parse(JSON.stringify(result ?? null))
        this.store.putIdempotent(idempotencyKey, { fingerprint, status, body: snapshot, created: Date.now(), request: { method, path: url.pathname } })
      }
      if (method === "POST") this.store.save()
      if (fault?.mode === "commit_then_drop") return void req.socket.destroy()
      if (fault?.mode === "error_after_commit") {
        return send(res, 500, { error: { type: "api_error", code: "processing_error", message: "An error occurred after the request was processed." } })
      }
      return send(res, status, result)
    } finally {
      if (idempotencyKey) this.inFlight.delete(idempotencyKey)
    }
  }

  /** `GET|POST /v1/_test/faults`: reads or sets the fault mode; absent unless the server allows faults. */
  private faultSwitch(method: string, body: Record<string, any>, res: http.ServerResponse) {
    if (!this.options.allowFaults) return send(res, 404, { error: notFound().error })
    if (method === "POST") {
      try {
        this.faults.set(parseFaultConfig(body))
      } catch (e: any) {
        if (!(e instanceof FaultConfigError || e instanceof SyntaxError)) throw e
        return send(res, 400, { error: { type: "invalid_request_error", code: "parameter_invalid_faults", message: e.message } })
      }
    } else if (method !== "GET") {
      return send(res, 404, { error: notFound().error })
    }
    return send(res, 200, { object: "test_faults", ...this.faults.state })
  }

  /** Resolves true after `ms`, or false at once when the server closes meanwhile. */
  private sleep(ms: number): Promise<boolean> {
    if (this.closing) return Promise.resolve(false)
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        this.sleeping.delete(wake)
        resolve(!this.closing)
      }
      const timer = setTimeout(wake, ms)
      this.sleeping.add(wake)
    })
  }

  /**
   * `GET /v1/idempotency_keys/:key`: the answer stored for the POST made with that key, so a caller
   * whose request timed out or lost its answer can learn whether it was done. 404 when the PSP never
   * completed a request with the key; 409 while such a request is still being processed.
   */
  private idempotencyRecord(key: string) {
    if (this.inFlight.has(key)) throw new HttpError(409, keyInUse().error)
    const record = this.store.getIdempotent(key)
    if (!record) throw notFound(`No request with Idempotency-Key '${key}' was completed`)
    return { object: "idempotency_key", key, status: record.status, body: record.body, request: record.request ?? null, created: Math.floor(record.created / 1000) }
  }

  /**
   * The settlement report reconciliation reads (docs/sandbox-psp.md): every capture and refund
   * created in [from, to) (unix seconds), with its payment intent and amount in minor units.
   */
  private settlements(url: URL) {
    const from = Number(url.searchParams.get("created_gte") ?? 0)
    const to = Number(url.searchParams.get("created_lt") ?? Number.MAX_SAFE_INTEGER)
    if (!Number.isFinite(from) || !Number.isFinite(to)) throw invalid("created_gte", "created_gte and created_lt are unix seconds")
    const rows = this.store.intents().flatMap((intent) => [
      ...intent.captures.map((c) => ({ type: "capture" as const, id: c.id, payment_intent: intent.id, amount: c.amount, currency: intent.currency, created: c.created })),
      ...intent.refunds.map((r) => ({ type: "refund" as const, id: r.id, payment_intent: intent.id, amount: r.amount, currency: intent.currency, created: r.created })),
    ])
    return { object: "list", data: rows.filter((r) => r.created >= from && r.created < to).sort((a, b) => a.created - b.created) }
  }

  private route(method: string, parts: string[], body: Record<string, any>, url: URL, idempotencyKey?: string): unknown {
    if (parts[0] !== "v1") throw notFound()
    if (parts[1] === "idempotency_keys" && parts.length === 3 && method === "GET") return this.idempotencyRecord(decodeURIComponent(parts[2]))
    if (parts[1] === "events" && parts.length === 2 && method === "GET") {
      const type = url.searchParams.get("type")
      const intent = url.searchParams.get("payment_intent")
      return { data: this.store.events().filter((e) => (!type || e.type === type) && (!intent || e.data.object.id === intent)) }
    }
    if (parts[1] === "reports" && parts[2] === "settlements" && parts.length === 3 && method === "GET") return this.settlements(url)
    if (parts[1] !== "payment_intents") throw notFound()
    if (parts.length === 2 && method === "POST") return this.create(body, idempotencyKey)
    const intent = this.store.getIntent(parts[2] ?? "")
    if (!intent) throw notFound(`No such payment_intent: '${parts[2]}'`)
    if (parts.length === 3 && method === "GET") return intent
    if (parts.length === 4 && method === "POST") {
      switch (parts[3]) {
        case "capture":
          return this.capture(intent, body, idempotencyKey)
        case "cancel":
          return this.cancel(intent)
        case "refunds":
          return this.refund(intent, body, idempotencyKey)
        case "authenticate":
          return this.authenticate(intent, body)
      }
    }
    throw notFound()
  }

  private create(body: Record<string, any>, idempotencyKey?: string): PaymentIntent {
    const amount = body.amount
    if (!Number.isSafeInteger(amount) || amount <= 0) throw invalid("amount", "amount must be a positive integer in minor units")
    if (typeof body.currency !== "string" || !/^[a-zA-Z]{3}$/.test(body.currency)) throw invalid("currency", "currency must be an ISO 4217 code")
    const cardNumber = String(body.card_number ?? DEFAULT_TEST_CARD).replace(/[\s-]/g, "")
    const outcome = cardOutcome(cardNumber)
    if (outcome.kind === "invalid_number") {
      throw new HttpError(402, { type: "card_error", code: "invalid_number", message: "The card number is not a valid card number." })
    }
    if (outcome.kind === "processing_error") {
      throw new HttpError(500, { type: "api_error", code: "processing_error", message: "An error occurred while processing the card." })
    }
    const now = seconds()
    const intent: PaymentIntent = {
      id: newId("spi"),
      object: "payment_intent",
      status: "requires_capture",
      amount,
      currency: body.currency.toLowerCase(),
      amount_capturable: amount,
      amount_captured: 0,
      amount_refunded: 0,
      amount_canceled: 0,
      card_last4: cardNumber.slice(-4),
      captures: [],
      refunds: [],
      last_payment_error: null,
      next_action: null,
      metadata: stringMap(body.metadata),
      idempotency_key: idempotencyKey ?? null,
      created: now,
    }
    if (outcome.kind === "decline") {
      intent.status = "requires_payment_method"
      intent.amount_capturable = 0
      intent.last_payment_error = { type: "card_error", code: "card_declined", decline_code: outcome.decline_code, message: outcome.message }
      this.commit(intent, "payment_intent.payment_failed")
      throw new HttpError(402, intent.last_payment_error, intent)
    }
    if (outcome.kind === "requires_action") {
      intent.status = "requires_action"
      intent.amount_capturable = 0
      intent.next_action = { type: "authenticate", url: `${this.publicUrl}/v1/payment_intents/${intent.id}/authenticate` }
      return this.commit(intent, "payment_intent.requires_action")
    }
    return this.commit(intent, "payment_intent.authorized")
  }

  private authenticate(intent: PaymentIntent, body: Record<string, any>): PaymentIntent {
    if (intent.status !== "requires_action") throw unexpectedState(intent, "authenticate")
    intent.next_action = null
    if (body.outcome === "fail") {
      intent.status = "requires_payment_method"
      intent.last_payment_error = {
        type: "card_error",
        code: "authentication_failed",
        message: "The buyer failed to authenticate the payment.",
      }
      return this.commit(intent, "payment_intent.payment_failed")
    }
    intent.status = "requires_capture"
    intent.amount_capturable = intent.amount
    return this.commit(intent, "payment_intent.authorized")
  }

  private capture(intent: PaymentIntent, body: Record<string, any>, idempotencyKey?: string): PaymentIntent {
    if (intent.status !== "requires_capture" && intent.status !== "partially_captured") throw unexpectedState(intent, "capture")
    const amount = body.amount ?? intent.amount_capturable
    if (!Number.isSafeInteger(amount) || amount <= 0) throw invalid("amount", "amount must be a positive integer in minor units")
    if (amount > intent.amount_capturable) {
      throw new HttpError(
        400,
        {
          type: "invalid_request_error",
          code: "amount_too_large",
          message: `Cannot capture ${amount}: only ${intent.amount_capturable} remains authorized`,
        },
        intent
      )
    }
    if (captureFailsFor(amount)) {
      this.emit("payment_intent.capture_failed", intent)
      throw new HttpError(402, { type: "card_error", code: "capture_failed", message: "The issuer refused the capture." }, intent)
    }
    const capture = { id: newId("cap"), amount, created: seconds(), idempotency_key: idempotencyKey ?? null }
    intent.captures.push(capture)
    intent.amount_captured += amount
    intent.amount_capturable -= amount
    intent.status = intent.amount_capturable === 0 ? "succeeded" : "partially_captured"
    return this.commit(intent, "payment_intent.captured", { capture })
  }

  private cancel(intent: PaymentIntent): PaymentIntent {
    if (intent.status === "canceled") return intent
    if (intent.status === "succeeded") throw unexpectedState(intent, "cancel")
    // After a partial capture, cancelling releases what is still authorized; the captured part stays.
    intent.amount_canceled += intent.status === "requires_capture" || intent.status === "partially_captured" ? intent.amount_capturable : 0
    intent.amount_capturable = 0
    intent.next_action = null
    intent.status = intent.amount_captured > 0 ? "succeeded" : "canceled"
    return this.commit(intent, "payment_intent.canceled")
  }

  private refund(intent: PaymentIntent, body: Record<string, any>, idempotencyKey?: string): PaymentIntent {
    const refundable = intent.amount_captured - intent.amount_refunded
    const amount = body.amount ?? refundable
    if (!Number.isSafeInteger(amount) || amount <= 0) throw invalid("amount", "amount must be a positive integer in minor units")
    if (amount > refundable) {
      throw new HttpError(
        400,
        { type: "invalid_request_error", code: "amount_too_large", message: `Cannot refund ${amount}: only ${refundable} is captured and not refunded` },
        intent
      )
    }
    if (refundFailsFor(amount)) {
      throw new HttpError(402, { type: "card_error", code: "refund_failed", message: "The issuer refused the refund." }, intent)
    }
    const refund = { id: newId("re"), amount, created: seconds(), idempotency_key: idempotencyKey ?? null }
    intent.refunds.push(refund)
    intent.amount_refunded += amount
    return this.commit(intent, "payment_intent.refunded", { refund })
  }

  private commit(intent: PaymentIntent, type: WebhookEventType, extra: Record<string, unknown> = {}): PaymentIntent {
    this.store.putIntent(intent)
    this.emit(type, intent, extra)
    return intent
  }

  private emit(type: WebhookEventType, intent: PaymentIntent, extra: Record<string, unknown> = {}) {
    const event: StoredEvent = {
      id: newId("evt"),
      object: "event",
      type,
      created: seconds(),
      // A snapshot: later changes to the intent must not rewrite what this event said.
      data: JSON.parse(JSON.stringify({ object: intent, ...extra })),
      delivery: { attempts: 0, delivered_at: null, last_error: null, next_attempt_at: null },
    }
    this.store.addEvent(event)
    this.webhooks.enqueue(event)
  }

  private authorized(req: http.IncomingMessage): boolean {
    const value = header(req, "authorization") ?? ""
    const given = Buffer.from(value.replace(/^Bearer\s+/i, ""))
    const expected = Buffer.from(this.options.apiKey)
    return given.length === expected.length && crypto.timingSafeEqual(given, expected)
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, any>> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += chunk.length
    if (size > MAX_BODY) throw new Error("Body too large")
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString("utf8").trim()
  if (!text) return {}
  const parsed = JSON.parse(text)
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("Body must be a JSON object")
  return parsed
}

function sendHtml(res: http.ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html), "cache-control": "no-store" })
  res.end(html)
}

const escapeHtml = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * The issuer's challenge as a page: amount and card, "Confirm" and "Refuse" buttons that POST the
 * intent's `authenticate` step (same origin, no API key) and then go back to `return_url` (http(s)
 * only) with `payment_intent` and `authentication` (succeeded|failed) appended.
 */
export function challengePage(intent: PaymentIntent, returnUrl: string | null): string {
  const back = returnUrl && /^https?:\/\//i.test(returnUrl) ? returnUrl : null
  const exponent = ["jpy", "krw"].includes(intent.currency) ? 0 : ["kwd", "bhd", "omr", "jod"].includes(intent.currency) ? 3 : 2
  const digits = String(intent.amount).padStart(exponent + 1, "0")
  const amount = `${digits.slice(0, digits.length - exponent)}${exponent ? "." + digits.slice(-exponent) : ""} ${intent.currency.toUpperCase()}`
  const pending = intent.status === "requires_action"
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sandbox card check</title><style>body{font:16px system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#111}
button{font:inherit;min-height:44px;padding:.5rem 1.25rem;margin:.25rem .5rem .25rem 0;border-radius:6px;border:1px solid #333;background:#fff;cursor:pointer}
button.primary{background:#1a4d8f;color:#fff;border-color:#1a4d8f}</style></head><body>
<h1>Sandbox card check</h1>
<p>Confirm the payment of <strong data-testid="challenge-amount" data-amount="${intent.amount}">${escapeHtml(amount)}</strong> with the card ending <strong>${escapeHtml(intent.card_last4)}</strong>.</p>
${pending ? `<p><button class="primary" data-testid="challenge-confirm" data-outcome="succeed">Confirm</button><button data-testid="challenge-refuse" data-outcome="fail">Refuse</button></p>` : `<p data-testid="challenge-done">Nothing to confirm: this payment is ${escapeHtml(intent.status)}.</p>`}
<p role="status" id="status"></p>
<script>
const back = ${JSON.stringify(back)};
const id = ${JSON.stringify(intent.id)};
for (const b of document.querySelectorAll("button[data-outcome]")) b.addEventListener("click", async () => {
  for (const x of document.querySelectorAll("button")) x.disabled = true;
  const outcome = b.dataset.outcome;
  const res = await fetch("/v1/payment_intents/" + encodeURIComponent(id) + "/authenticate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ outcome }) });
  const ok = res.ok && outcome === "succeed";
  document.getElementById("status").textContent = ok ? "Confirmed." : "Refused.";
  if (back) { const u = new URL(back); u.searchParams.set("payment_intent", id); u.searchParams.set("authentication", ok ? "succeeded" : "failed"); location.assign(u.href) }
});
</script></body></html>`
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body)
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) })
  res.end(text)
}

function stringMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {}
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v != null).map(([k, v]) => [k, String(v)]))
}

function newId(prefix: string) {
  return `${prefix}_${crypto.randomBytes(12).toString("hex")}`
}

function seconds() {
  return Math.floor(Date.now() / 1000)
}

function notFound(message = "Not found") {
  return new HttpError(404, { type: "invalid_request_error", code: "resource_missing", message })
}

function invalid(field: string, message: string) {
  return new HttpError(400, { type: "invalid_request_error", code: `parameter_invalid_${field}`, message })
}

function keyInUse() {
  return {
    error: {
      type: "idempotency_error" as const,
      code: "idempotency_key_in_use",
      message: "A request with this Idempotency-Key is still being processed; retry later",
    },
  }
}

function unexpectedState(intent: PaymentIntent, action: string) {
  return new HttpError(
    409,
    { type: "invalid_request_error", code: "payment_intent_unexpected_state", message: `Cannot ${action} a payment intent in status ${intent.status}` },
    intent
  )
}
