import fs from "node:fs"
import path from "node:path"
import type { PaymentIntent, WebhookEvent } from "../types"

export type StoredEvent = WebhookEvent & {
  delivery: { attempts: number; delivered_at: number | null; last_error: string | null; next_attempt_at: number | null }
}

export type IdempotentResponse = {
  fingerprint: string
  status: number
  body: unknown
  /** ms since the epoch */
  created: number
  /** What the key was used for (absent in files written before it was recorded). */
  request?: { method: string; path: string }
}

type State = {
  intents: Record<string, PaymentIntent>
  events: StoredEvent[]
  idempotency: Record<string, IdempotentResponse>
}

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

/**
 * The PSP's own books: in memory, or mirrored to a JSON file (written atomically after every
 * change) so intents, partial captures and undelivered webhooks survive a restart of the server.
 */
export class IntentStore {
  private state: State = { intents: {}, events: [], idempotency: {} }

  constructor(private readonly file?: string) {
    if (file && fs.existsSync(file)) {
      const loaded = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<State>
      this.state = { intents: loaded.intents ?? {}, events: loaded.events ?? [], idempotency: loaded.idempotency ?? {} }
    }
  }

  getIntent(id: string): PaymentIntent | undefined {
    return this.state.intents[id]
  }

  putIntent(intent: PaymentIntent) {
    this.state.intents[intent.id] = intent
  }

  addEvent(event: StoredEvent) {
    this.state.events.push(event)
  }

  intents(): PaymentIntent[] {
    return Object.values(this.state.intents)
  }

  events(): StoredEvent[] {
    return this.state.events
  }

  getIdempotent(key: string): IdempotentResponse | undefined {
    const hit = this.state.idempotency[key]
    if (hit && Date.now() - hit.created > IDEMPOTENCY_TTL_MS) {
      delete this.state.idempotency[key]
      return undefined
    }
    return hit
  }

  putIdempotent(key: string, response: IdempotentResponse) {
    this.state.idempotency[key] = response
  }

  save() {
    if (!this.file) return
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    const tmp = `${this.file}.${process.pid}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(this.state))
    fs.renameSync(tmp, this.file)
  }
}
