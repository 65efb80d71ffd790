import { createHash, randomBytes } from "crypto"
import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { NotificationAttempt } from "./models/notification-attempt"
import { NotificationDelivery } from "./models/notification-delivery"
import { NotificationPreference } from "./models/notification-preference"
import { TelegramLink } from "./models/telegram-link"
import { dataKeyring, needsReseal, open, seal } from "../../lib/config/data-keys"
import { type Channel, type DeliveryContent, isTransactional, type PersonType, type Reissue } from "./types"

export type ClaimInput = {
  event_name: string
  event_id: string
  notification_type: string
  channel: Channel
  recipient: string
  person_type?: PersonType | null
  person_id?: string | null
  template: string
  locale: string
  subject: string | null
  content: DeliveryContent
  /** The unredacted content when `content` had one-time secrets redacted: kept sealed until the last attempt. */
  secret_content?: DeliveryContent | null
  reissue?: Reissue | null
  /** SKIPPED: logged without sending (no provider for the channel). */
  status?: "PENDING" | "SKIPPED"
  last_error?: string | null
}

export type AttemptOutcome =
  | { ok: true; provider_message_id?: string; response?: Record<string, unknown> }
  | { ok: false; error: string; permanent: boolean; retry_after_ms?: number }

type Options = { max_attempts?: number; backoff_ms?: number; telegram_token_ttl_ms?: number }

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex")

export default class NotificationCenterService extends MedusaService({
  NotificationDelivery, NotificationAttempt, NotificationPreference, TelegramLink,
}) {
  protected readonly maxAttempts: number
  protected readonly backoffMs: number
  protected readonly telegramTokenTtlMs: number

  constructor(container: any, options: Options = {}) {
    super(...arguments)
    this.maxAttempts = Math.max(1, Number(options.max_attempts ?? 5))
    this.backoffMs = Math.max(1, Number(options.backoff_ms ?? 30_000))
    this.telegramTokenTtlMs = Number(options.telegram_token_ttl_ms ?? 24 * 3600_000)
  }

  /**
   * Claims one delivery: INSERT … ON CONFLICT DO NOTHING on the unique (event_id, recipient,
   * template, channel) index. Of two deliveries of the same event, concurrent or not, exactly one
   * gets an id back; the other gets null and sends nothing.
   */
  @InjectManager()
  async claimDelivery(input: ClaimInput, @MedusaContext() ctx: Context = {}): Promise<string | null> {
    const em = ctx.manager as any
    const rows: { id: string }[] = await em.execute(
      `INSERT INTO "notification_delivery" ("id", "event_name", "event_id", "notification_type", "transactional", "channel", "recipient",
         "person_type", "person_id", "template", "locale", "subject", "content", "sealed_content", "reissue", "status", "last_error", "attempts", "next_attempt_at", "created_at", "updated_at")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, 0, CASE WHEN ? THEN NULL ELSE now() END, now(), now())
       ON CONFLICT DO NOTHING RETURNING "id"`,
      [generateEntityId(undefined, "ndel"), input.event_name, input.event_id, input.notification_type, isTransactional(input.notification_type),
        input.channel, input.recipient, input.person_type ?? null, input.person_id ?? null, input.template, input.locale, input.subject,
        JSON.stringify(input.content), input.secret_content ? seal(JSON.stringify(input.secret_content)) : null,
        input.reissue ? JSON.stringify(input.reissue) : null, input.status ?? "PENDING", input.last_error ?? null, input.status === "SKIPPED"]
    )
    return rows[0]?.id ?? null
  }

  /**
   * Leases a delivery for one attempt: only a PENDING/RETRYING row whose time has come, and its
   * next_attempt_at moves a lease ahead so a second worker (or job tick) does not take it too.
   */
  @InjectManager()
  async leaseDelivery(id: string, leaseMs = 60_000, @MedusaContext() ctx: Context = {}): Promise<any | null> {
    const em = ctx.manager as any
    const rows = await em.execute(
      `UPDATE "notification_delivery" SET "next_attempt_at" = now() + (? * interval '1 millisecond'), "updated_at" = now()
        WHERE "id" = ? AND "status" IN ('PENDING', 'RETRYING') AND "next_attempt_at" <= now() AND "deleted_at" IS NULL
        RETURNING *`,
      [leaseMs, id]
    )
    return rows[0] ?? null
  }

  /** Ids of deliveries whose retry time has come, oldest first. */
  @InjectManager()
  async dueDeliveryIds(limit = 50, @MedusaContext() ctx: Context = {}): Promise<string[]> {
    const em = ctx.manager as any
    const rows: { id: string }[] = await em.execute(
      `SELECT "id" FROM "notification_delivery" WHERE "status" IN ('PENDING', 'RETRYING') AND "next_attempt_at" <= now()
         AND "deleted_at" IS NULL ORDER BY "next_attempt_at" LIMIT ?`,
      [limit]
    )
    return rows.map((r) => r.id)
  }

  /**
   * Writes the attempt row and moves the delivery: SENT; RETRYING with exponential backoff
   * (backoff × 2^(n-1), or the provider's retry_after when longer); FAILED after the last attempt
   * or a permanent error.
   */
  @InjectTransactionManager()
  async recordAttempt(deliveryId: string, outcome: AttemptOutcome, @MedusaContext() ctx: Context = {}) {
    const em = ctx.transactionManager as any
    const [row] = await em.execute(
      `UPDATE "notification_delivery" SET "attempts" = "attempts" + 1, "updated_at" = now() WHERE "id" = ? RETURNING "attempts"`, [deliveryId])
    const attempt = Number(row.attempts)
    await em.execute(
      `INSERT INTO "notification_attempt" ("id", "delivery_id", "attempt", "status", "provider_response", "error", "permanent", "created_at", "updated_at")
       VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, now(), now())`,
      [generateEntityId(undefined, "natt"), deliveryId, attempt, outcome.ok ? "SENT" : "FAILED",
        outcome.ok ? JSON.stringify({ id: outcome.provider_message_id ?? null, ...(outcome.response ?? {}) }) : null,
        outcome.ok ? null : outcome.error, outcome.ok ? false : outcome.permanent]
    )
    if (outcome.ok) {
      await em.execute(
        `UPDATE "notification_delivery" SET "status" = 'SENT', "sent_at" = now(), "next_attempt_at" = NULL, "last_error" = NULL, "sealed_content" = NULL,
           "provider_message_id" = ? WHERE "id" = ?`, [outcome.provider_message_id ?? null, deliveryId])
      return { status: "SENT" as const, attempt }
    }
    if (outcome.permanent || attempt >= this.maxAttempts) {
      await em.execute(`UPDATE "notification_delivery" SET "status" = 'FAILED', "next_attempt_at" = NULL, "last_error" = ?, "sealed_content" = NULL WHERE "id" = ?`,
        [outcome.error, deliveryId])
      return { status: "FAILED" as const, attempt }
    }
    const delay = Math.max(this.backoffMs * 2 ** (attempt - 1), outcome.retry_after_ms ?? 0)
    await em.execute(
      `UPDATE "notification_delivery" SET "status" = 'RETRYING', "last_error" = ?, "next_attempt_at" = now() + (? * interval '1 millisecond') WHERE "id" = ?`,
      [outcome.error, delay, deliveryId])
    return { status: "RETRYING" as const, attempt, delay_ms: delay }
  }

  /**
   * Resend (admin): a FAILED, SENT or SKIPPED delivery is due again. Attempt numbers keep counting
   * (the log keeps every attempt), so a resend past the retry budget gets one try: failing, it is FAILED again.
   */
  @InjectManager()
  async requeueDelivery(id: string, @MedusaContext() ctx: Context = {}): Promise<boolean> {
    const em = ctx.manager as any
    const rows = await em.execute(
      `UPDATE "notification_delivery" SET "status" = 'PENDING', "next_attempt_at" = now(), "updated_at" = now()
        WHERE "id" = ? AND "status" IN ('FAILED', 'SENT', 'SKIPPED') AND "deleted_at" IS NULL RETURNING "id"`, [id])
    return rows.length > 0
  }

  /** What an attempt sends: the sealed unredacted content while it is kept, else the logged content. */
  contentToSend(row: { content: unknown; sealed_content?: string | null }): DeliveryContent {
    if (row.sealed_content) return JSON.parse(open(row.sealed_content))
    return (typeof row.content === "string" ? JSON.parse(row.content) : row.content) as DeliveryContent
  }

  /** keys:rotate: re-seals pending deliveries' secret content under the active key. */
  @InjectManager()
  async resealPendingSecrets(@MedusaContext() ctx: Context = {}): Promise<{ scanned: number; resealed: number }> {
    const em = ctx.manager as any
    const ring = dataKeyring()
    const rows: { id: string; sealed_content: string }[] = await em.execute(
      `SELECT "id", "sealed_content" FROM "notification_delivery" WHERE "sealed_content" IS NOT NULL`)
    let resealed = 0
    for (const row of rows) {
      if (!needsReseal(row.sealed_content, ring)) continue
      // Compare-and-set: a delivery sent meanwhile (sealed_content cleared) stays cleared.
      const done = await em.execute(`UPDATE "notification_delivery" SET "sealed_content" = ? WHERE "id" = ? AND "sealed_content" = ? RETURNING "id"`,
        [seal(open(row.sealed_content, ring), ring), row.id, row.sealed_content])
      resealed += done.length
    }
    return { scanned: rows.length, resealed }
  }

  /** Whether a person gets `type` on `channel`: transactional always, others unless switched off. */
  async wants(person: { type: PersonType; id: string } | null, type: string, channel: Channel): Promise<boolean> {
    if (!person || isTransactional(type)) return true
    const [pref] = await this.listNotificationPreferences({ person_type: person.type, person_id: person.id, notification_type: type, channel })
    return pref ? !!pref.enabled : true
  }

  /** Issues a one-time start token for the bot deep link; a new token replaces an unused one. */
  async createTelegramStartToken(person: { type: PersonType; id: string }): Promise<string> {
    const token = randomBytes(24).toString("base64url")
    const expires = new Date(Date.now() + this.telegramTokenTtlMs)
    const [existing] = await this.listTelegramLinks({ person_type: person.type, person_id: person.id })
    if (existing) await this.updateTelegramLinks({ id: existing.id, token_hash: sha256(token), token_expires_at: expires })
    else await this.createTelegramLinks({ person_type: person.type, person_id: person.id, token_hash: sha256(token), token_expires_at: expires })
    return token
  }

  /** Binds a chat to the token's person; the token works once. Null for an unknown or expired token. */
  @InjectManager()
  async bindTelegramChat(token: string, chatId: string, @MedusaContext() ctx: Context = {}) {
    const em = ctx.manager as any
    const rows = await em.execute(
      `UPDATE "telegram_link" SET "chat_id" = ?, "linked_at" = now(), "token_hash" = NULL, "token_expires_at" = NULL, "updated_at" = now()
        WHERE "token_hash" = ? AND "token_expires_at" > now() AND "deleted_at" IS NULL RETURNING "id", "person_type", "person_id"`,
      [chatId, sha256(token)])
    return (rows[0] as { id: string; person_type: PersonType; person_id: string } | undefined) ?? null
  }

  async telegramChatOf(person: { type: PersonType; id: string }): Promise<string | null> {
    const [link] = await this.listTelegramLinks({ person_type: person.type, person_id: person.id })
    return link?.chat_id ?? null
  }
}
