import { accessEnd, refundDecision, refundGuardWindowEnd } from "../refund-rule"
import { COURSE_V1 } from "../../line-process/definitions"
import { planTransition } from "../../line-process/engine"

const DAY = 24 * 3600 * 1000
const granted = new Date("2026-11-01T10:00:00Z")
const policy = { refund_days: 14, consumption_threshold_pct: 30 }
const at = (ms: number) => new Date(granted.getTime() + ms)

describe("course refund rule", () => {
  it("allows a refund one millisecond before the window ends and refuses exactly at its end", () => {
    expect(refundDecision({ policy, grantedAt: granted, consumptionPct: 0, now: at(14 * DAY - 1) }).allowed).toBe(true)
    expect(refundDecision({ policy, grantedAt: granted, consumptionPct: 0, now: at(14 * DAY) })).toEqual(
      expect.objectContaining({ allowed: false, code: "COURSE_REFUND_WINDOW_CLOSED" })
    )
  })

  it("allows just below the consumption threshold and refuses exactly at it", () => {
    expect(refundDecision({ policy, grantedAt: granted, consumptionPct: 29, now: at(DAY) }).allowed).toBe(true)
    expect(refundDecision({ policy, grantedAt: granted, consumptionPct: 30, now: at(DAY) })).toEqual(
      expect.objectContaining({ allowed: false, code: "COURSE_REFUND_CONSUMPTION_EXCEEDED" })
    )
  })

  it("a line never granted is refundable; a zero-day window is closed from the start", () => {
    expect(refundDecision({ policy, grantedAt: null, consumptionPct: 0 }).allowed).toBe(true)
    expect(refundDecision({ policy: { ...policy, refund_days: 0 }, grantedAt: granted, consumptionPct: 0, now: granted }).allowed).toBe(false)
  })

  it("feeds the line process's within_refund_window guard so the buyer's REFUNDED move follows the rule", () => {
    const move = (consumptionPct: number, now: Date) => {
      const decision = refundDecision({ policy, grantedAt: granted, consumptionPct, now })
      return planTransition(COURSE_V1, { state: "ACCESS_GRANTED", to: "REFUNDED", actor: "buyer",
        facts: { now, refundWindowEndsAt: refundGuardWindowEnd(decision, now) } })
    }
    expect(move(10, at(DAY)).ok).toBe(true)
    expect(move(30, at(DAY))).toEqual(expect.objectContaining({ ok: false, code: "TRANSITION_GUARD_FAILED" }))
    expect(move(0, at(14 * DAY))).toEqual(expect.objectContaining({ ok: false, code: "TRANSITION_GUARD_FAILED" }))
    expect(move(0, at(14 * DAY - 1)).ok).toBe(true)
  })

  it("access ends after access_days, or never for a lifetime course", () => {
    expect(accessEnd(null, granted)).toBeNull()
    expect(accessEnd(30, granted)).toEqual(at(30 * DAY))
  })
})
