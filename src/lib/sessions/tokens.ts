import { createHash, randomBytes } from "crypto"

/** Opaque refresh tokens: 256 random bits; only their SHA-256 is stored. */
export function newRefreshToken(): string {
  return `rt_${randomBytes(32).toString("base64url")}`
}

export function hashRefreshToken(token: string): string {
  return createHash("sha256").update(token).digest("hex")
}

/** "15m", "900s", "2h", "30d" or plain seconds → milliseconds; the fallback when unset or unreadable. */
export function durationMs(value: string | undefined, fallbackMs: number): number {
  const m = /^\s*(\d+)\s*(ms|s|m|h|d)?\s*$/.exec(value ?? "")
  if (!m) return fallbackMs
  const n = Number(m[1])
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? "s") as "ms"]
  return n * unit > 0 ? n * unit : fallbackMs
}

/** Access tokens (JWT) live ACCESS_TOKEN_TTL (default 15 min); sessions and their refresh tokens SESSION_TTL (30 days). */
export function sessionSettings(env: Record<string, string | undefined> = process.env) {
  return {
    accessTtlMs: durationMs(env.ACCESS_TOKEN_TTL, 15 * 60_000),
    sessionTtlMs: durationMs(env.SESSION_TTL, 30 * 86_400_000),
  }
}

/** E-mail verification tokens: 256 random bits, URL-safe; stored as SHA-256 like refresh tokens. */
export function newVerificationToken(): string {
  return `ev_${randomBytes(32).toString("base64url")}`
}

/** EMAIL_VERIFICATION_TTL, default 24 h. */
export function emailVerificationTtlMs(env: Record<string, string | undefined> = process.env): number {
  return durationMs(env.EMAIL_VERIFICATION_TTL, 24 * 3_600_000)
}
