/**
 * Escrow and payout settings, from the environment with the defaults (docs/marketplace-money.md).
 * Read on use, so tests can change them per case.
 */
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * States in which a line's funds start their hold: delivered / served / access granted and the states
 * after them, and the ends where the merchant keeps what was not refunded — a no-show, a cancellation
 * fee, the rest of a partly refunded course. Only what is still in escrow moves, so an end state whose
 * money was refunded in full releases nothing.
 */
const DEFAULT_RELEASE_STATES: Record<string, string[]> = {
  PHYSICAL: ["DELIVERED", "CLOSED", "CANCELLED", "RETURNED"],
  SERVICE: ["SERVED", "CLOSED", "NO_SHOW", "CANCELLED"],
  COURSE: ["ACCESS_GRANTED", "CONSUMED", "CLOSED", "REFUNDED"],
}

export function releaseStates(kind: string): string[] {
  const raw = process.env.ESCROW_RELEASE_STATES
  const table = raw ? { ...DEFAULT_RELEASE_STATES, ...(JSON.parse(raw) as Record<string, string[]>) } : DEFAULT_RELEASE_STATES
  return table[kind] ?? []
}

/** How long funds stay in escrow after the release state (default 7 days; ESCROW_HOLD_MS overrides). */
export function escrowHoldMs(): number {
  const ms = process.env.ESCROW_HOLD_MS ? Number(process.env.ESCROW_HOLD_MS) : NaN
  if (Number.isFinite(ms) && ms >= 0) return ms
  const days = Number(process.env.ESCROW_HOLD_DAYS ?? 7)
  return (Number.isFinite(days) && days >= 0 ? days : 7) * DAY_MS
}

/** The platform default commission in basis points (10 %). */
export function defaultCommissionBps(): number {
  const bps = Number(process.env.PLATFORM_COMMISSION_BPS ?? 1000)
  return Number.isSafeInteger(bps) && bps >= 0 && bps <= 10_000 ? bps : 1000
}

/** Smallest payout per currency in minor units (PAYOUT_MINIMUMS='{"eur":1000}'), default 1 major unit's worth: 100. */
export function payoutMinimum(currency: string): number {
  const table = process.env.PAYOUT_MINIMUMS ? (JSON.parse(process.env.PAYOUT_MINIMUMS) as Record<string, number>) : {}
  return table[currency.toLowerCase()] ?? Number(process.env.PAYOUT_MINIMUM_DEFAULT ?? 100)
}

/**
 * Who funds a promotion no one said otherwise for (issue 17 §3): PROMOTION_FUNDED_BY_DEFAULT =
 * "platform" (default: promotions are created by platform staff, merchants never agreed to pay for
 * them) or "merchant". Each promotion can say otherwise in the admin.
 */
export function promotionFundedByDefault(): "platform" | "merchant" {
  return process.env.PROMOTION_FUNDED_BY_DEFAULT === "merchant" ? "merchant" : "platform"
}
