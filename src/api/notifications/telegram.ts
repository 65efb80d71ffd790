import { timingSafeEqual } from "crypto"

/** The bot's public name for t.me deep links (TELEGRAM_BOT_USERNAME). */
export function telegramBotUsername(env: Record<string, string | undefined> = process.env): string | null {
  return env.TELEGRAM_BOT_USERNAME?.replace(/^@/, "") || null
}

/** The webhook's path secret (TELEGRAM_WEBHOOK_SECRET); without one the webhook answers 404. */
export function webhookSecretMatches(given: unknown, env: Record<string, string | undefined> = process.env): boolean {
  const secret = env.TELEGRAM_WEBHOOK_SECRET
  if (!secret || typeof given !== "string") return false
  const a = Buffer.from(secret)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** `/start <token>` (also `/start@bot <token>`), the payload Telegram passes from a t.me/<bot>?start=<token> link. */
export function startToken(text: unknown): string | null {
  const m = typeof text === "string" ? /^\/start(?:@\w+)?\s+([A-Za-z0-9_-]{16,64})\s*$/.exec(text) : null
  return m ? m[1] : null
}
