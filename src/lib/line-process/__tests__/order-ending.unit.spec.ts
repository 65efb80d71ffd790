import { orderEnding } from "../order-ending"

const goods = (state: string, process_version = 2) => ({ kind: "PHYSICAL" as const, process_version, state })
const service = (state: string) => ({ kind: "SERVICE" as const, process_version: 1, state })
const course = (state: string) => ({ kind: "COURSE" as const, process_version: 1, state })

describe("orderEnding: Medusa's order status once the lines have ended", () => {
  it("leaves the order alone while any line is open", () => {
    expect(orderEnding([])).toBeNull()
    expect(orderEnding([goods("DELIVERED"), service("CLOSED")])).toBeNull()
    expect(orderEnding([goods("RETURN_REQUESTED"), course("CLOSED")])).toBeNull()
    expect(orderEnding([course("CONSUMED")])).toBeNull()
  })

  it("completes an order in which something was provided", () => {
    expect(orderEnding([goods("CLOSED"), service("CANCELLED"), course("REFUNDED")])).toBe("completed")
    expect(orderEnding([goods("RETURNED")])).toBe("completed")
    expect(orderEnding([service("NO_SHOW")])).toBe("completed")
    expect(orderEnding([goods("CLOSED", 1), goods("CANCELLED", 1)])).toBe("completed")
  })

  it("cancels an order whose every line was called off", () => {
    expect(orderEnding([goods("CANCELLED"), service("CANCELLED"), course("REFUNDED")])).toBe("canceled")
    expect(orderEnding([course("REFUNDED")])).toBe("canceled")
  })

  it("does not take a state of another kind's process for its end", () => {
    // RETURNED is not an end of v1 goods (no returns there); such a line is not ended, so neither is the order.
    expect(() => orderEnding([goods("RETURNED", 1)])).not.toThrow()
    expect(orderEnding([goods("RETURNED", 1)])).toBeNull()
  })
})
