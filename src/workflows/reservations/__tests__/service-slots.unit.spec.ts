import { holdServiceSlots, registerServiceSlotHolder, releaseServiceSlots } from "../service-slots"

describe("service slot holders", () => {
  it("holds through every holder and releases what was held when a later holder refuses", async () => {
    const log: string[] = []
    registerServiceSlotHolder({
      name: "first",
      hold: async (_c, cartId) => (log.push(`hold first ${cartId}`), "slot-1"),
      release: async (_c, held) => void log.push(`release first ${held}`),
    })
    const held = await holdServiceSlots({} as any, "cart_1")
    expect(held).toEqual([{ name: "first", value: "slot-1" }])
    await releaseServiceSlots({} as any, held)

    registerServiceSlotHolder({
      name: "refuser",
      hold: async () => {
        throw new Error("SLOT_UNAVAILABLE")
      },
      release: async () => void log.push("release refuser"),
    })
    await expect(holdServiceSlots({} as any, "cart_2")).rejects.toThrow("SLOT_UNAVAILABLE")
    expect(log).toEqual(["hold first cart_1", "release first slot-1", "hold first cart_2", "release first slot-1"])
  })
})
