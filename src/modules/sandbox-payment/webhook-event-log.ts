/**
 * Remembers which webhook events were already processed, so a replayed or re-delivered event
 * changes nothing. Kept in PostgreSQL (one small table, created on first use because module
 * providers have no migrations of their own) so the guard survives restarts and is shared by
 * every server and worker process.
 */

type Knex = any

export const WEBHOOK_EVENT_TABLE = "sandbox_psp_webhook_event"

export class WebhookEventLog {
  private ready?: Promise<void>
  private readonly memory = new Set<string>()

  constructor(private readonly pg?: Knex) {}

  /** True the first time `eventId` is recorded, false for every later delivery of it. */
  async recordFirstDelivery(eventId: string, type: string, paymentIntentId?: string): Promise<boolean> {
    if (!this.pg) {
      // Only without a database (a provider built outside Medusa): per-process memory.
      if (this.memory.has(eventId)) return false
      this.memory.add(eventId)
      return true
    }
    // Two processes creating the table at once: the loser's CREATE fails, its second try sees the table.
    await this.ensureTable().catch(() => this.ensureTable())
    const inserted = await this.pg(WEBHOOK_EVENT_TABLE)
      .insert({ id: eventId, type, payment_intent_id: paymentIntentId ?? null })
      .onConflict("id")
      .ignore()
      .returning("id")
    return inserted.length === 1
  }

  private ensureTable(): Promise<void> {
    this.ready ??= this.pg
      .raw(
        `CREATE TABLE IF NOT EXISTS ${WEBHOOK_EVENT_TABLE} (
           id text PRIMARY KEY,
           type text NOT NULL,
           payment_intent_id text,
           received_at timestamptz NOT NULL DEFAULT now()
         )`
      )
      .then(() => undefined)
      .catch((e: unknown) => {
        this.ready = undefined
        throw e
      })
    return this.ready!
  }
}
