import type { IdempotencyRecord, PaymentError, PaymentIntent } from "./types"

export class SandboxPspError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly type?: PaymentError["type"],
    public readonly decline_code?: string,
    public readonly intent?: PaymentIntent,
    /** Where the call went and what failed underneath (`POST http://host:port/v1/…: ECONNREFUSED`): for server logs only, never for a client. */
    public readonly detail?: string
  ) {
    super(message)
    this.name = "SandboxPspError"
  }

  /**
   * Network trouble, timeouts, 5xx answers and a key still in use by an earlier attempt: the same
   * request (same Idempotency-Key) may be sent again, and may already have taken effect.
   */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.code === "idempotency_key_in_use"
  }
}

export type CreateIntentInput = { amount: number; currency: string; card_number?: string; metadata?: Record<string, string> }

/** HTTP client of the sandbox PSP REST contract (docs/sandbox-psp.md). Amounts in minor units. */
export class SandboxPspClient {
  private readonly baseUrl: string

  constructor(private readonly options: { baseUrl: string; apiKey: string; timeoutMs?: number; retries?: number }) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "")
  }

  createIntent(input: CreateIntentInput, idempotencyKey?: string) {
    return this.request<PaymentIntent>("POST", "/v1/payment_intents", input, idempotencyKey)
  }

  retrieveIntent(id: string) {
    return this.request<PaymentIntent>("GET", `/v1/payment_intents/${encodeURIComponent(id)}`)
  }

  capture(id: string, amount: number | undefined, idempotencyKey?: string) {
    return this.request<PaymentIntent>("POST", `/v1/payment_intents/${encodeURIComponent(id)}/capture`, amount === undefined ? {} : { amount }, idempotencyKey)
  }

  cancel(id: string, idempotencyKey?: string) {
    return this.request<PaymentIntent>("POST", `/v1/payment_intents/${encodeURIComponent(id)}/cancel`, {}, idempotencyKey)
  }

  refund(id: string, amount: number, idempotencyKey?: string) {
    return this.request<PaymentIntent>("POST", `/v1/payment_intents/${encodeURIComponent(id)}/refunds`, { amount }, idempotencyKey)
  }

  /**
   * The stored answer of the POST made with `key` (did a capture whose answer was lost happen?),
   * or null when the PSP never completed a request with it. Throws a retryable error while such a
   * request is still being processed.
   */
  async retrieveIdempotencyKey(key: string): Promise<IdempotencyRecord | null> {
    try {
      return await this.request<IdempotencyRecord>("GET", `/v1/idempotency_keys/${encodeURIComponent(key)}`)
    } catch (e) {
      if (e instanceof SandboxPspError && e.status === 404 && e.code === "resource_missing") return null
      throw e
    }
  }

  /** What the buyer's browser does on the `next_action.url` page (tests and the storefront use it). */
  authenticate(id: string, outcome: "succeed" | "fail" = "succeed") {
    return this.request<PaymentIntent>("POST", `/v1/payment_intents/${encodeURIComponent(id)}/authenticate`, { outcome })
  }

  private async request<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const attempts = 1 + (this.options.retries ?? 2)
    let last: SandboxPspError | undefined
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await this.once<T>(method, path, body, idempotencyKey)
      } catch (e) {
        if (!(e instanceof SandboxPspError)) throw e
        last = e
        // Retrying a POST is only safe when the PSP can recognise the repeat by its Idempotency-Key.
        if (!e.retryable || (method === "POST" && !idempotencyKey) || attempt === attempts) throw e
        await new Promise((r) => setTimeout(r, 100 * 2 ** (attempt - 1)))
      }
    }
    throw last
  }

  private async once<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.apiKey}`, accept: "application/json" }
    if (body !== undefined) headers["content-type"] = "application/json"
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey
    let res: Response
    try {
      res = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10000),
      })
    } catch (e: any) {
      // The message may travel to a buyer: it names no host or port; `detail` keeps them for the logs.
      const detail = `${method} ${this.baseUrl}${path}: ${e?.cause?.code ?? e?.message ?? e}`
      if (e?.name === "TimeoutError") throw new SandboxPspError(0, "timeout", "The payment provider did not answer in time", undefined, undefined, undefined, detail)
      throw new SandboxPspError(0, "network_error", "The payment provider could not be reached", undefined, undefined, undefined, detail)
    }
    const text = await res.text()
    let json: any
    try {
      json = text ? JSON.parse(text) : {}
    } catch {
      throw new SandboxPspError(res.status, "invalid_response", `The payment provider answered ${res.status} with a non-JSON body`, undefined, undefined, undefined, `${method} ${this.baseUrl}${path}`)
    }
    if (!res.ok) {
      const err = json?.error ?? {}
      throw new SandboxPspError(res.status, err.code ?? "unknown", err.message ?? `HTTP ${res.status}`, err.type, err.decline_code, err.payment_intent, `${method} ${this.baseUrl}${path}`)
    }
    return json as T
  }
}
