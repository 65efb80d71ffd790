import { signatureHeader } from "../signature"
import type { IntentStore, StoredEvent } from "./store"

export type WebhookConfig = {
  url?: string
  secret: string
  /** Total delivery attempts per event (default 8). */
  maxAttempts?: number
  /** First retry delay in ms; doubles after each failure (default 1000). */
  backoffMs?: number
  /** Upper bound of one delay in ms (default 60000). */
  maxBackoffMs?: number
  log?: (message: string) => void
}

/**
 * Delivers every event to the configured URL, signed, retrying with exponential backoff until a
 * 2xx answer or the attempts run out. Delivery state lives in the store, so a restarted server
 * resumes the deliveries that were still pending.
 */
export class WebhookDispatcher {
  private timers = new Set<NodeJS.Timeout>()
  private inFlight = new Set<Promise<void>>()
  private closed = false

  constructor(private readonly store: IntentStore, private readonly config: WebhookConfig) {}

  enqueue(event: StoredEvent) {
    if (!this.config.url) return
    this.schedule(event, 0)
  }

  resumePending() {
    const max = this.config.maxAttempts ?? 8
    for (const event of this.store.events()) {
      if (!event.delivery.delivered_at && event.delivery.attempts < max) {
        this.schedule(event, Math.max(0, (event.delivery.next_attempt_at ?? 0) - Date.now()))
      }
    }
  }

  async close() {
    this.closed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    await Promise.allSettled([...this.inFlight])
  }

  private schedule(event: StoredEvent, delayMs: number) {
    if (this.closed || !this.config.url) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      const attempt = this.attempt(event).finally(() => this.inFlight.delete(attempt))
      this.inFlight.add(attempt)
    }, delayMs)
    this.timers.add(timer)
  }

  private async attempt(event: StoredEvent) {
    const { url, secret } = this.config
    const max = this.config.maxAttempts ?? 8
    const { delivery, ...payload } = event
    // The body is signed exactly as sent; the receiver must verify the raw bytes, not re-serialized JSON.
    const body = JSON.stringify(payload)
    delivery.attempts += 1
    let error: string | null = null
    try {
      const res = await fetch(url!, {
        method: "POST",
        headers: { "content-type": "application/json", "sandbox-signature": signatureHeader(secret, body) },
        body,
        signal: AbortSignal.timeout(10000),
      })
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`
      await res.arrayBuffer().catch(() => undefined)
    } catch (e: any) {
      error = e?.cause?.code ?? e?.message ?? String(e)
    }
    if (!error) {
      delivery.delivered_at = Date.now()
      delivery.last_error = null
      delivery.next_attempt_at = null
    } else {
      delivery.last_error = error
      if (delivery.attempts < max) {
        const base = this.config.backoffMs ?? 1000
        const delay = Math.min(base * 2 ** (delivery.attempts - 1), this.config.maxBackoffMs ?? 60000)
        delivery.next_attempt_at = Date.now() + delay
        this.schedule(event, delay)
      } else {
        delivery.next_attempt_at = null
        this.config.log?.(`webhook ${event.id} (${event.type}) gave up after ${delivery.attempts} attempts: ${error}`)
      }
    }
    if (!this.closed) this.store.save()
  }
}
