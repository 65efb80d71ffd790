import { ALL_PROCESSES, COURSE_V1, PHYSICAL_V1, PHYSICAL_V2, SERVICE_V1, latestProcess, processFor } from "../definitions"
import { allowedTransitions, dueTimedTransition, planTransition, validateDefinition } from "../engine"

const HOUR = 3600 * 1000

describe("line process definitions", () => {
  it.each(ALL_PROCESSES.map((d) => [`${d.kind} v${d.version}`, d] as const))("%s is well formed", (_name, def) => {
    expect(validateDefinition(def)).toEqual([])
  })

  it.each(ALL_PROCESSES.map((d) => [`${d.kind} v${d.version}`, d] as const))("%s reaches its placed state by system transitions", (_name, def) => {
    let state = def.initial
    for (const next of def.onOrderPlaced) {
      const plan = planTransition(def, { state, to: next, actor: "system" })
      expect(plan.ok).toBe(true)
      state = next
    }
  })

  it("keeps versions addressable and serves the latest for new lines", () => {
    expect(latestProcess("SERVICE")).toBe(SERVICE_V1)
    expect(processFor("PHYSICAL", 1)).toBe(PHYSICAL_V1)
    expect(latestProcess("PHYSICAL")).toBe(PHYSICAL_V2)
    expect(() => processFor("COURSE", 99)).toThrow(/version 99/)
  })
})

describe("planTransition", () => {
  it("lets a buyer return a delivered line on v2 only; the merchant receives (refund) or refuses it", () => {
    expect(planTransition(PHYSICAL_V1, { state: "DELIVERED", to: "RETURN_REQUESTED", actor: "buyer" }).ok).toBe(false)
    expect(planTransition(PHYSICAL_V2, { state: "DELIVERED", to: "RETURN_REQUESTED", actor: "buyer" })).toEqual(expect.objectContaining({ ok: true, effects: ["open_return"] }))
    expect(planTransition(PHYSICAL_V2, { state: "DELIVERED", to: "RETURN_REQUESTED", actor: "buyer", facts: { openDispute: true } }).ok).toBe(false)
    expect(planTransition(PHYSICAL_V2, { state: "SHIPPED", to: "RETURN_REQUESTED", actor: "buyer" }).ok).toBe(false)
    expect(planTransition(PHYSICAL_V2, { state: "RETURN_REQUESTED", to: "RETURNED", actor: "buyer" })).toEqual(expect.objectContaining({ ok: false, code: "TRANSITION_NOT_ALLOWED_FOR_ACTOR" }))
    expect(planTransition(PHYSICAL_V2, { state: "RETURN_REQUESTED", to: "RETURNED", actor: "merchant" })).toEqual(expect.objectContaining({ ok: true, effects: ["receive_return", "void_or_refund"] }))
    expect(planTransition(PHYSICAL_V2, { state: "RETURN_REQUESTED", to: "DELIVERED", actor: "merchant" })).toEqual(expect.objectContaining({ ok: true, effects: ["cancel_return"] }))
    expect(planTransition(PHYSICAL_V2, { state: "RETURNED", to: "CLOSED", actor: "operator" }).ok).toBe(false)
  })

  it("walks a physical line through fulfilment, capturing when fulfilment starts", () => {
    const start = planTransition(PHYSICAL_V1, { state: "PAID", to: "FULFILLING", actor: "merchant" })
    expect(start).toEqual(expect.objectContaining({ ok: true, effects: ["capture"] }))
    expect(planTransition(PHYSICAL_V1, { state: "FULFILLING", to: "SHIPPED", actor: "merchant", facts: { trackingNumber: "1Z999" } }).ok).toBe(true)
    expect(planTransition(PHYSICAL_V1, { state: "SHIPPED", to: "DELIVERED", actor: "merchant" }).ok).toBe(true)
  })

  it("refuses impossible moves, wrong actors and failed guards with distinct codes", () => {
    expect(planTransition(PHYSICAL_V1, { state: "PAID", to: "DELIVERED", actor: "merchant" })).toEqual(
      expect.objectContaining({ ok: false, code: "INVALID_TRANSITION" })
    )
    expect(planTransition(PHYSICAL_V1, { state: "PAID", to: "FULFILLING", actor: "buyer" })).toEqual(
      expect.objectContaining({ ok: false, code: "TRANSITION_NOT_ALLOWED_FOR_ACTOR" })
    )
    expect(planTransition(PHYSICAL_V1, { state: "FULFILLING", to: "SHIPPED", actor: "merchant", facts: { trackingNumber: " " } })).toEqual(
      expect.objectContaining({ ok: false, code: "TRANSITION_GUARD_FAILED" })
    )
    expect(planTransition(PHYSICAL_V1, { state: "CLOSED", to: "CANCELLED", actor: "operator" }).ok).toBe(false)
  })

  it("lets staff mark a service served or no-show only after the slot started", () => {
    const now = new Date("2026-12-01T10:00:00Z")
    const before = { now, slotStartsAt: new Date(now.getTime() + HOUR) }
    const after = { now, slotStartsAt: new Date(now.getTime() - HOUR) }
    expect(planTransition(SERVICE_V1, { state: "CONFIRMED", to: "SERVED", actor: "merchant", facts: before }).ok).toBe(false)
    expect(planTransition(SERVICE_V1, { state: "CONFIRMED", to: "NO_SHOW", actor: "merchant", facts: after }).ok).toBe(true)
    expect(planTransition(SERVICE_V1, { state: "CONFIRMED", to: "CANCELLED", actor: "buyer", facts: after }).ok).toBe(false)
    expect(planTransition(SERVICE_V1, { state: "CONFIRMED", to: "CANCELLED", actor: "buyer", facts: before })).toEqual(
      expect.objectContaining({ ok: true, effects: ["release_slot", "void_or_refund"] })
    )
  })

  it("lets staff settle a service sold by appointment (no slot) at any time", () => {
    const now = new Date("2026-12-01T10:00:00Z")
    expect(planTransition(SERVICE_V1, { state: "CONFIRMED", to: "SERVED", actor: "merchant", facts: { now, slotStartsAt: null } }).ok).toBe(true)
    expect(planTransition(SERVICE_V1, { state: "CONFIRMED", to: "NO_SHOW", actor: "operator", facts: { now } }).ok).toBe(true)
  })

  it("refunds a course only inside its refund window", () => {
    const now = new Date("2026-12-01T10:00:00Z")
    expect(planTransition(COURSE_V1, { state: "ACCESS_GRANTED", to: "REFUNDED", actor: "buyer", facts: { now, refundWindowEndsAt: new Date(now.getTime() + HOUR) } }).ok).toBe(true)
    expect(planTransition(COURSE_V1, { state: "ACCESS_GRANTED", to: "REFUNDED", actor: "buyer", facts: { now, refundWindowEndsAt: new Date(now.getTime() - HOUR) } }).ok).toBe(false)
  })
})

describe("allowedTransitions and timers", () => {
  it("lists what each actor may do next", () => {
    expect(allowedTransitions(PHYSICAL_V1, "PAID", "merchant").map((t) => t.to).sort()).toEqual(["CANCELLED", "FULFILLING"])
    expect(allowedTransitions(PHYSICAL_V1, "PAID", "buyer").map((t) => t.to)).toEqual(["CANCELLED"])
    expect(allowedTransitions(PHYSICAL_V1, "CLOSED", "operator")).toEqual([])
  })

  it("fires timed transitions when their delay has passed, honouring settings and guards", () => {
    const entered = new Date("2026-12-01T10:00:00Z")
    const at = (ms: number) => ({ now: new Date(entered.getTime() + ms) })
    expect(dueTimedTransition(PHYSICAL_V1, "RESERVED", entered, {}, at(14 * 60 * 1000))).toBeUndefined()
    expect(dueTimedTransition(PHYSICAL_V1, "RESERVED", entered, {}, at(15 * 60 * 1000))?.to).toBe("CANCELLED")
    expect(dueTimedTransition(PHYSICAL_V1, "RESERVED", entered, { RESERVATION_TTL_MS: 1000 }, at(1000))?.name).toBe("expire_reservation")
    expect(dueTimedTransition(PHYSICAL_V1, "DELIVERED", entered, {}, at(7 * 24 * HOUR))?.to).toBe("CLOSED")
    expect(dueTimedTransition(PHYSICAL_V1, "DELIVERED", entered, {}, { ...at(8 * 24 * HOUR), openDispute: true })).toBeUndefined()
  })
})
