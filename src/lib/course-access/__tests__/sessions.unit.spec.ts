import { sessionDecision } from "../sessions"

const NOW = new Date("2026-11-24T12:00:00Z")
const IDLE = 15 * 60 * 1000
const ago = (ms: number) => new Date(NOW.getTime() - ms)

describe("concurrent course devices", () => {
  const two = [{ device_id: "laptop", last_seen_at: ago(1000) }, { device_id: "phone", last_seen_at: ago(IDLE - 1) }]

  it("lets active devices go on and refuses a new one when the limit is full", () => {
    expect(sessionDecision(two, "laptop", 2, NOW, IDLE)).toEqual({ allowed: true, active: 2 })
    expect(sessionDecision(two, "tablet", 2, NOW, IDLE)).toEqual({ allowed: false, active: 2 })
    expect(sessionDecision(two, "tablet", 3, NOW, IDLE)).toEqual({ allowed: true, active: 2 })
  })

  it("frees a device idle for the whole idle time (exactly at the cutoff it no longer counts)", () => {
    const stale = [{ device_id: "laptop", last_seen_at: ago(1000) }, { device_id: "phone", last_seen_at: ago(IDLE) }]
    expect(sessionDecision(stale, "tablet", 2, NOW, IDLE)).toEqual({ allowed: true, active: 1 })
  })

  it("null means unlimited", () => {
    expect(sessionDecision(two, "tablet", null, NOW, IDLE).allowed).toBe(true)
  })
})
