import { decideCancel, decideReschedule } from "../policy"

const start = new Date("2026-06-10T10:00:00Z")
const at = (hoursBefore: number) => new Date(start.getTime() - hoursBefore * 3_600_000)
const cancelPolicy = { free_cancel_hours: 24, cancel_fee_bps: 2500 }

describe("cancellation policy", () => {
  it("is free at exactly the window boundary and before it", () => {
    expect(decideCancel(cancelPolicy, { start_at: start, now: at(24), paid_minor: 10000 })).toEqual({ allowed: true, free: true, fee_minor: 0, refund_minor: 10000 })
    expect(decideCancel(cancelPolicy, { start_at: start, now: at(48), paid_minor: 10000 })).toMatchObject({ free: true, refund_minor: 10000 })
  })

  it("charges the fee one millisecond inside the window: refund = paid − fee", () => {
    const now = new Date(at(24).getTime() + 1)
    expect(decideCancel(cancelPolicy, { start_at: start, now, paid_minor: 10001 })).toEqual({ allowed: true, free: false, fee_minor: 2500, refund_minor: 7501 })
  })

  it("refuses at and after the start", () => {
    expect(decideCancel(cancelPolicy, { start_at: start, now: start, paid_minor: 10000 })).toMatchObject({ allowed: false, code: "BOOKING_ALREADY_STARTED" })
    expect(decideCancel(cancelPolicy, { start_at: start, now: at(-1), paid_minor: 10000 })).toMatchObject({ allowed: false })
  })

  it("a 0 bps fee is free inside the window too", () => {
    expect(decideCancel({ free_cancel_hours: 24, cancel_fee_bps: 0 }, { start_at: start, now: at(1), paid_minor: 500 })).toMatchObject({ free: true, refund_minor: 500 })
  })
})

describe("reschedule policy", () => {
  const policy = { reschedule_until_hours: 12, max_reschedules: 2 }
  it("allows until exactly M hours before, counts down", () => {
    expect(decideReschedule(policy, { start_at: start, now: at(12), reschedule_count: 0 })).toEqual({ allowed: true, remaining: 1 })
    expect(decideReschedule(policy, { start_at: start, now: new Date(at(12).getTime() + 1), reschedule_count: 0 }))
      .toMatchObject({ allowed: false, code: "RESCHEDULE_WINDOW_CLOSED" })
  })
  it("refuses when the count is used up", () => {
    expect(decideReschedule(policy, { start_at: start, now: at(100), reschedule_count: 2 })).toMatchObject({ allowed: false, code: "RESCHEDULE_LIMIT_REACHED" })
  })
})
