/**
 * A small HTTP server implementing the subset of Stripe's documented REST API that the Stripe
 * payment provider (src/modules/stripe-payment) uses, so the real Stripe SDK can be exercised
 * without reaching api.stripe.com (stripe-mock cannot be installed here). See docs/stripe.md.
 *
 * Contract (https://docs.stripe.com/api): form-encoded request bodies with bracket notation,
 * `Authorization: Bearer <secret key>` (401 otherwise), JSON responses, errors as
 * `{ error: { type, code, message, param?, decline_code?, payment_intent? } }`, `Idempotency-Key`
 * on POST (same key + same parameters: stored response replayed with `Idempotent-Replayed: true`;
 * same key + other parameters: 400 idempotency_error).
 *
 * Test payment methods (Stripe's documented test tokens): pm_card_visa, pm_card_mastercard,
 * pm_card_amex, pm_card_discover (multicapture available when requested: Stripe lists Visa,
 * Mastercard, Amex and Discover), pm_card_jcb / pm_card_unionpay (authorize, multicapture
 * unavailable), pm_card_chargeDeclined (card_declined / generic_decline),
 * pm_card_chargeDeclinedInsufficientFunds (insufficient_funds), pm_card_authenticationRequired
 * (requires_action).
 *
 * Failure on demand: `failNext(status, { times, shouldRetry, retryAfter })` answers the next
 * request(s) with a 5xx/429 before any processing (so nothing is stored and a retry is a clean
 * retry), as Stripe does for an `api_error` or a `lock_timeout` rate limit.
 */
import crypto from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"

type Dict = Record<string, any>

export type RecordedRequest = { method: string; path: string; params: Dict; idempotencyKey?: string; status: number; replayed: boolean }

export type StripeContractServer = {
  url: string
  port: number
  apiKey: string
  requests: RecordedRequest[]
  intents: Map<string, Dict>
  charges: Map<string, Dict>
  refunds: Map<string, Dict>
  transfers: Map<string, Dict>
  failNext(status: number, opts?: { times?: number; shouldRetry?: boolean; retryAfter?: number; path?: RegExp }): void
  reset(): void
  close(): Promise<void>
}

class StripeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Dict
  ) {
    super(body.message)
  }
}

const MULTICAPTURE_BRANDS = new Set(["visa", "mastercard", "amex", "discover"])
const TEST_CARDS: Record<string, { brand: string; last4: string; decline?: { code: string; decline_code: string; message: string }; requiresAction?: boolean }> = {
  pm_card_visa: { brand: "visa", last4: "4242" },
  pm_card_mastercard: { brand: "mastercard", last4: "4444" },
  pm_card_amex: { brand: "amex", last4: "8431" },
  pm_card_discover: { brand: "discover", last4: "1117" },
  pm_card_jcb: { brand: "jcb", last4: "0505" },
  pm_card_unionpay: { brand: "unionpay", last4: "0005" },
  pm_card_chargeDeclined: { brand: "visa", last4: "0002", decline: { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." } },
  pm_card_chargeDeclinedInsufficientFunds: {
    brand: "visa",
    last4: "9995",
    decline: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." },
  },
  pm_card_authenticationRequired: { brand: "visa", last4: "3184", requiresAction: true },
}

/** Parses `a[b][0]=c&d=e` (Stripe's form encoding; also the query string of GET) into objects. */
export function parseStripeForm(body: string): Dict {
  const out: Dict = {}
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.replace(/\]/g, "").split("[")
    let node = out
    parts.forEach((part, i) => {
      const last = i === parts.length - 1
      const key = part === "" ? String(Object.keys(node).length) : part
      if (last) node[key] = value
      else node = node[key] ??= {}
    })
  }
  return out
}

const id = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`
const now = () => Math.floor(Date.now() / 1000)
const list = (v: unknown): string[] => (v == null ? [] : typeof v === "object" ? Object.values(v as Dict).map(String) : [String(v)])
const bool = (v: unknown, dflt: boolean) => (v === undefined ? dflt : v === true || v === "true")

function int(params: Dict, name: string, required: boolean): number | undefined {
  const v = params[name]
  if (v === undefined || v === "") {
    if (required) throw invalid(`Missing required param: ${name}.`, "parameter_missing", name)
    return undefined
  }
  if (!/^\d+$/.test(String(v))) throw invalid(`Invalid integer: ${v}`, "parameter_invalid_integer", name)
  return Number(v)
}

function invalid(message: string, code?: string, param?: string, status = 400, extra: Dict = {}) {
  return new StripeHttpError(status, { type: "invalid_request_error", code, param, message, ...extra })
}

function unexpectedState(intent: Dict, action: string) {
  return invalid(`You cannot ${action} this PaymentIntent because it has a status of ${intent.status}.`, "payment_intent_unexpected_state", undefined, 400, {
    payment_intent: intent,
  })
}

export async function startStripeContractServer(opts: { apiKey?: string; port?: number; connectedAccounts?: string[] } = {}): Promise<StripeContractServer> {
  const apiKey = opts.apiKey ?? "sk_test_contract"
  const intents = new Map<string, Dict>()
  const charges = new Map<string, Dict>()
  const refunds = new Map<string, Dict>()
  const transfers = new Map<string, Dict>()
  const connectedAccounts = new Set<string>(opts.connectedAccounts ?? ["acct_test_merchant"])
  const customers = new Map<string, Dict>()
  const idempotency = new Map<string, { fingerprint: string; status: number; body: Dict }>()
  const requests: RecordedRequest[] = []
  let failures: { status: number; shouldRetry?: boolean; retryAfter?: number; path?: RegExp }[] = []

  const paymentMethod = (pm: string) => {
    const card = TEST_CARDS[pm]
    if (!card) throw invalid(`No such PaymentMethod: '${pm}'`, "resource_missing", "payment_method", 400)
    return { id: pm, object: "payment_method", type: "card", card: { brand: card.brand, last4: card.last4 } }
  }

  const getIntent = (piId: string) => {
    const intent = intents.get(piId)
    if (!intent) throw invalid(`No such payment_intent: '${piId}'`, "resource_missing", "intent", 404)
    return intent
  }

  /** Confirms an intent with its payment method: authorization, decline or 3DS, like Stripe's test cards. */
  const confirm = (intent: Dict) => {
    if (!intent.payment_method) {
      throw invalid("You cannot confirm this PaymentIntent because it's missing a payment method.", "payment_intent_unexpected_state", undefined, 400, { payment_intent: intent })
    }
    const pm = paymentMethod(intent.payment_method)
    const card = TEST_CARDS[intent.payment_method]
    const charge: Dict = {
      id: id("ch"),
      object: "charge",
      amount: intent.amount,
      amount_captured: 0,
      amount_refunded: 0,
      captured: false,
      refunded: false,
      currency: intent.currency,
      payment_intent: intent.id,
      payment_method: pm.id,
      status: "succeeded",
      created: now(),
      payment_method_details: { type: "card", card: { brand: card.brand, last4: card.last4 } as Dict },
    }
    if (card.decline) {
      charge.status = "failed"
      charge.failure_code = card.decline.code
      charge.failure_message = card.decline.message
      charges.set(charge.id, charge)
      const error = { type: "card_error", code: card.decline.code, decline_code: card.decline.decline_code, message: card.decline.message, charge: charge.id, payment_method: pm }
      Object.assign(intent, { status: "requires_payment_method", latest_charge: charge.id, last_payment_error: error, payment_method: null })
      throw new StripeHttpError(402, { ...error, payment_intent: intent })
    }
    if (card.requiresAction) {
      Object.assign(intent, { status: "requires_action", next_action: { type: "use_stripe_sdk", use_stripe_sdk: {} } })
      return
    }
    const manual = intent.capture_method !== "automatic" && intent.capture_method !== "automatic_async"
    const requested = intent.payment_method_options?.card?.request_multicapture === "if_available"
    if (manual && requested) charge.payment_method_details.card.multicapture = { status: MULTICAPTURE_BRANDS.has(card.brand) ? "available" : "unavailable" }
    if (manual) {
      intent.status = "requires_capture"
      intent.amount_capturable = intent.amount
    } else {
      Object.assign(charge, { captured: true, amount_captured: intent.amount })
      Object.assign(intent, { status: "succeeded", amount_received: intent.amount })
    }
    charges.set(charge.id, charge)
    Object.assign(intent, { latest_charge: charge.id, last_payment_error: null, next_action: null })
  }

  const render = (intent: Dict, expand: string[]) => {
    const out = { ...intent }
    if (expand.includes("latest_charge") && intent.latest_charge) out.latest_charge = charges.get(intent.latest_charge)
    if (expand.includes("payment_method") && intent.payment_method) out.payment_method = paymentMethod(intent.payment_method)
    return out
  }

  const ENDPOINTS: { method: string; pattern: RegExp; handle: (m: RegExpMatchArray, p: Dict) => Dict }[] = [
    {
      method: "POST",
      pattern: /^\/v1\/payment_intents$/,
      handle: (_m, p) => {
        const amount = int(p, "amount", true)!
        if (amount < 50) throw invalid("Amount must be at least $0.50 usd", "amount_too_small", "amount")
        if (!p.currency) throw invalid("Missing required param: currency.", "parameter_missing", "currency")
        const intent: Dict = {
          id: id("pi"),
          object: "payment_intent",
          amount,
          amount_capturable: 0,
          amount_received: 0,
          currency: String(p.currency).toLowerCase(),
          capture_method: p.capture_method ?? "automatic_async",
          client_secret: "",
          created: now(),
          customer: p.customer ?? null,
          description: p.description ?? null,
          last_payment_error: null,
          latest_charge: null,
          livemode: false,
          metadata: p.metadata ?? {},
          next_action: null,
          payment_method: p.payment_method ?? null,
          payment_method_options: p.payment_method_options ?? {},
          payment_method_types: list(p.payment_method_types).length ? list(p.payment_method_types) : ["card"],
          canceled_at: null,
          cancellation_reason: null,
          status: p.payment_method ? "requires_confirmation" : "requires_payment_method",
        }
        intent.client_secret = `${intent.id}_secret_${crypto.randomBytes(8).toString("hex")}`
        if (intent.payment_method) paymentMethod(intent.payment_method)
        intents.set(intent.id, intent)
        if (bool(p.confirm, false)) confirm(intent)
        return render(intent, list(p.expand))
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/payment_intents\/([^/]+)$/,
      handle: (m, p) => render(getIntent(m[1]), list(p.expand)),
    },
    {
      method: "POST",
      pattern: /^\/v1\/payment_intents\/([^/]+)$/,
      handle: (m, p) => {
        const intent = getIntent(m[1])
        const amount = int(p, "amount", false)
        if (amount !== undefined && amount !== intent.amount) {
          if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(intent.status)) throw unexpectedState(intent, "update the amount of")
          intent.amount = amount
        }
        if (p.metadata) intent.metadata = { ...intent.metadata, ...p.metadata }
        if (p.payment_method) intent.payment_method = paymentMethod(p.payment_method).id
        if (p.description !== undefined) intent.description = p.description
        return render(intent, list(p.expand))
      },
    },
    {
      method: "POST",
      pattern: /^\/v1\/payment_intents\/([^/]+)\/confirm$/,
      handle: (m, p) => {
        const intent = getIntent(m[1])
        if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(intent.status)) throw unexpectedState(intent, "confirm")
        if (p.payment_method) intent.payment_method = paymentMethod(p.payment_method).id
        confirm(intent)
        return render(intent, list(p.expand))
      },
    },
    {
      method: "POST",
      pattern: /^\/v1\/payment_intents\/([^/]+)\/capture$/,
      handle: (m, p) => {
        const intent = getIntent(m[1])
        if (intent.status !== "requires_capture") throw unexpectedState(intent, "capture")
        const charge = charges.get(intent.latest_charge)!
        const amount = int(p, "amount_to_capture", false) ?? intent.amount_capturable
        if (amount < 1) throw invalid("amount_to_capture must be positive.", "parameter_invalid_integer", "amount_to_capture")
        if (amount > intent.amount_capturable) {
          throw invalid(`The amount to capture (${amount}) exceeds the capturable amount (${intent.amount_capturable}).`, "amount_too_large", "amount_to_capture")
        }
        const final = bool(p.final_capture, true)
        const multicapture = charge.payment_method_details?.card?.multicapture?.status === "available"
        if (!final && !multicapture) throw invalid("Multicapture is not available for this PaymentIntent.", undefined, "final_capture")
        charge.captures = (charge.captures ?? 0) + 1
        if (charge.captures > 50) throw invalid("This PaymentIntent has reached the maximum of 50 captures.", undefined, "amount_to_capture")
        charge.amount_captured += amount
        charge.captured = true
        intent.amount_received += amount
        intent.amount_capturable = final ? 0 : intent.amount_capturable - amount
        if (intent.amount_capturable === 0) intent.status = "succeeded"
        return render(intent, list(p.expand))
      },
    },
    {
      method: "POST",
      pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/,
      handle: (m, p) => {
        const intent = getIntent(m[1])
        if (!["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action"].includes(intent.status)) {
          throw unexpectedState(intent, "cancel")
        }
        // "For PaymentIntents with a status of requires_capture, the remaining amount_capturable is automatically refunded."
        Object.assign(intent, { status: "canceled", amount_capturable: 0, canceled_at: now(), cancellation_reason: p.cancellation_reason ?? null })
        return render(intent, list(p.expand))
      },
    },
    {
      method: "POST",
      pattern: /^\/v1\/refunds$/,
      handle: (_m, p) => {
        let charge: Dict | undefined
        if (p.payment_intent) {
          const intent = getIntent(p.payment_intent)
          charge = intent.latest_charge ? charges.get(intent.latest_charge) : undefined
          if (!charge || !charge.captured) throw invalid(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, undefined, "payment_intent")
        } else if (p.charge) {
          charge = charges.get(p.charge)
          if (!charge) throw invalid(`No such charge: '${p.charge}'`, "resource_missing", "charge", 404)
        } else throw invalid("One of the following params should be provided for this request: payment_intent or charge.", "parameter_missing")
        const remaining = charge.amount_captured - charge.amount_refunded
        if (remaining <= 0) throw invalid(`Charge ${charge.id} has already been refunded.`, "charge_already_refunded")
        const amount = int(p, "amount", false) ?? remaining
        if (amount > remaining) throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, "amount_too_large", "amount")
        charge.amount_refunded += amount
        charge.refunded = charge.amount_refunded === charge.amount_captured
        const refund = {
          id: id("re"),
          object: "refund",
          amount,
          charge: charge.id,
          currency: charge.currency,
          payment_intent: charge.payment_intent,
          reason: p.reason ?? null,
          metadata: p.metadata ?? {},
          status: "succeeded",
          created: now(),
        }
        refunds.set(refund.id, refund)
        return refund
      },
    },
    {
      method: "POST",
      pattern: /^\/v1\/customers$/,
      handle: (_m, p) => {
        const customer = { id: id("cus"), object: "customer", email: p.email ?? null, name: p.name ?? null, phone: p.phone ?? null, shipping: p.shipping ?? null, metadata: p.metadata ?? {}, created: now() }
        customers.set(customer.id, customer)
        return customer
      },
    },
    {
      method: "POST",
      pattern: /^\/v1\/customers\/([^/]+)$/,
      handle: (m, p) => {
        const customer = customers.get(m[1])
        if (!customer) throw invalid(`No such customer: '${m[1]}'`, "resource_missing", "id", 404)
        for (const k of ["email", "name", "phone", "shipping"]) if (p[k] !== undefined) customer[k] = p[k]
        return customer
      },
    },
    {
      method: "DELETE",
      pattern: /^\/v1\/customers\/([^/]+)$/,
      handle: (m) => {
        if (!customers.delete(m[1])) throw invalid(`No such customer: '${m[1]}'`, "resource_missing", "id", 404)
        return { id: m[1], object: "customer", deleted: true }
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/customers\/([^/]+)\/payment_methods$/,
      handle: (m) => {
        if (!customers.has(m[1])) throw invalid(`No such customer: '${m[1]}'`, "resource_missing", "customer", 404)
        return { object: "list", data: [], has_more: false, url: `/v1/customers/${m[1]}/payment_methods` }
      },
    },
    // Connect: a transfer from the platform balance to a connected account (payouts to merchants).
    {
      method: "POST",
      pattern: /^\/v1\/transfers$/,
      handle: (_m, p) => {
        const amount = int(p, "amount", true)!
        if (amount <= 0) throw invalid("This value must be greater than or equal to 1.", "parameter_invalid_integer", "amount")
        if (!p.currency) throw invalid("Missing required param: currency.", "parameter_missing", "currency")
        if (!p.destination) throw invalid("Missing required param: destination.", "parameter_missing", "destination")
        if (!connectedAccounts.has(String(p.destination))) throw invalid(`No such destination: '${p.destination}'`, "resource_missing", "destination")
        const transfer: Dict = {
          id: id("tr"), object: "transfer", amount, amount_reversed: 0, currency: String(p.currency).toLowerCase(), created: now(),
          destination: p.destination, livemode: false, metadata: p.metadata ?? {}, reversed: false, transfer_group: p.transfer_group ?? null,
        }
        transfers.set(transfer.id, transfer)
        return transfer
      },
    },
  ]

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost")
      const method = req.method ?? "GET"
      const body = Buffer.concat(chunks).toString("utf8")
      const params = parseStripeForm(method === "GET" || method === "DELETE" ? url.search.slice(1) : body)
      const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) || undefined
      const send = (status: number, payload: Dict, headers: Record<string, string> = {}, replayed = false) => {
        requests.push({ method, path: url.pathname, params, idempotencyKey, status, replayed })
        res.writeHead(status, { "Content-Type": "application/json", "Request-Id": id("req"), ...headers })
        res.end(JSON.stringify(payload))
      }

      const auth = req.headers.authorization
      if (!auth) return send(401, { error: { type: "invalid_request_error", message: "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')." } })
      if (auth !== `Bearer ${apiKey}`) return send(401, { error: { type: "invalid_request_error", code: "api_key_invalid", message: "Invalid API Key provided." } })

      const failureIndex = failures.findIndex((f) => !f.path || f.path.test(url.pathname))
      if (failureIndex >= 0) {
        const [f] = failures.splice(failureIndex, 1)
        const headers: Record<string, string> = {}
        if (f.shouldRetry !== undefined) headers["Stripe-Should-Retry"] = String(f.shouldRetry)
        if (f.retryAfter !== undefined) headers["Retry-After"] = String(f.retryAfter)
        const error =
          f.status === 429
            ? { type: "invalid_request_error", code: "lock_timeout", message: "This object cannot be accessed right now because another API request or Stripe process is currently accessing it." }
            : { type: "api_error", message: "An unknown error occurred (injected by the contract server)." }
        return send(f.status, { error }, headers)
      }

      const endpoint = ENDPOINTS.map((e) => ({ e, m: method === e.method ? url.pathname.match(e.pattern) : null })).find((x) => x.m)
      if (!endpoint) return send(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${url.pathname}).` } })

      const fingerprint = `${method} ${url.pathname} ${body}`
      if (method === "POST" && idempotencyKey) {
        const stored = idempotency.get(idempotencyKey)
        if (stored && stored.fingerprint !== fingerprint) {
          return send(400, {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
          })
        }
        if (stored) return send(stored.status, stored.body, { "Idempotent-Replayed": "true" }, true)
      }
      let status = 200
      let payload: Dict
      try {
        payload = endpoint.e.handle(endpoint.m!, params)
      } catch (e) {
        if (!(e instanceof StripeHttpError)) {
          status = 500
          payload = { error: { type: "api_error", message: String((e as Error)?.message ?? e) } }
        } else {
          status = e.status
          payload = { error: JSON.parse(JSON.stringify(e.body)) }
        }
      }
      payload = JSON.parse(JSON.stringify(payload))
      if (method === "POST" && idempotencyKey && status !== 500) idempotency.set(idempotencyKey, { fingerprint, status, body: payload })
      send(status, payload)
    })
  })

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    apiKey,
    requests,
    intents,
    charges,
    refunds,
    transfers,
    failNext(status, o = {}) {
      for (let i = 0; i < (o.times ?? 1); i++) failures.push({ status, shouldRetry: o.shouldRetry, retryAfter: o.retryAfter, path: o.path })
    },
    reset() {
      failures = []
      requests.length = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      }),
  }
}

/** A `Stripe-Signature` header like Stripe's: `t=<unix>,v1=HMAC-SHA256(secret, "<t>.<raw body>")`. */
export function stripeSignatureHeader(rawBody: string | Buffer, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = crypto.createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex")
  return `t=${timestamp},v1=${mac}`
}

/** A Stripe event envelope around an object (as delivered to webhook endpoints). */
export function stripeEvent(type: string, object: Dict): Dict {
  return { id: id("evt"), object: "event", api_version: "2024-06-20", created: now(), livemode: false, type, data: { object } }
}
