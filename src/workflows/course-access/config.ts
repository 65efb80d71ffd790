import { createHmac } from "crypto"
import type { SigningKeys } from "../../lib/course-access/signing"

// Development fallback only; anyone reading the repository knows it.
export const DEV_COURSE_URL_SECRET = "dev-course-url-secret-change-me"

/**
 * Signing keys from the environment, read at call time so a rotation needs only a restart:
 * COURSE_URL_SECRET signs, COURSE_URL_SECRET_PREVIOUS still verifies. Without COURSE_URL_SECRET a
 * key is derived from JWT_SECRET (never the public development value in production).
 */
export function courseSigningKeys(env: NodeJS.ProcessEnv = process.env): SigningKeys {
  const derived = env.JWT_SECRET ? createHmac("sha256", env.JWT_SECRET).update("snail course asset urls").digest("hex") : DEV_COURSE_URL_SECRET
  return { current: env.COURSE_URL_SECRET || derived, previous: env.COURSE_URL_SECRET_PREVIOUS || null }
}

/** Lifetimes of signed URLs, in seconds: downloads and playlists, and each HLS segment. */
export function courseUrlTtls(env: NodeJS.ProcessEnv = process.env) {
  return {
    asset: positive(env.COURSE_URL_TTL_SECONDS, 300),
    segment: positive(env.COURSE_SEGMENT_TTL_SECONDS, 60),
  }
}

function positive(raw: string | undefined, fallback: number) {
  const n = Number(raw)
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback
}

function percent(raw: string | undefined, fallback: number) {
  const n = Number(raw)
  return raw !== undefined && raw !== "" && Number.isInteger(n) && n >= 0 && n <= 100 ? n : fallback
}

/**
 * Consumption settings (docs/course-access.md), read at call time:
 * - COURSE_REFUND_MAX_CONSUMED_PERCENT (default 30): refunds end when consumption reaches it, for
 *   every course whose policy does not set its own threshold;
 * - COURSE_CONSUMED_PERCENT (default 100): consumption at which the line moves to CONSUMED;
 * - COURSE_DEFAULT_READING_SECONDS (default 600): what a file lesson weighs when its merchant set no reading time.
 */
export function courseConsumptionSettings(env: NodeJS.ProcessEnv = process.env) {
  return {
    refundMaxConsumedPercent: percent(env.COURSE_REFUND_MAX_CONSUMED_PERCENT, 30),
    consumedAtPercent: Math.max(1, percent(env.COURSE_CONSUMED_PERCENT, 100)),
    defaultReadingSeconds: positive(env.COURSE_DEFAULT_READING_SECONDS, 600),
  }
}

/** Defaults for a COURSE product without an explicit policy (the threshold: the platform setting). */
export const DEFAULT_POLICY = {
  delivery: "FILE" as const,
  access_days: null as number | null,
  refund_days: 14,
  consumption_threshold_pct: null as number | null,
  max_sessions: null as number | null,
  external_url: null as string | null,
}

/** The refund threshold that applies to a policy: its own, else the platform setting. */
export function refundThresholdPercent(policy: { consumption_threshold_pct?: number | null } | null | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const own = policy?.consumption_threshold_pct
  return own === null || own === undefined ? courseConsumptionSettings(env).refundMaxConsumedPercent : own
}
