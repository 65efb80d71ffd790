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

/** Defaults for a COURSE product without an explicit policy. */
export const DEFAULT_POLICY = {
  delivery: "FILE" as const,
  access_days: null as number | null,
  refund_days: 14,
  consumption_threshold_pct: 30,
  max_sessions: null as number | null,
  external_url: null as string | null,
}
