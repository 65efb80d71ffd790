import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import { BOOKING_MODULE } from "../../src/modules/booking"
import { Booking } from "../../src/modules/booking/models/booking"
import { CalendarFeed } from "../../src/modules/booking/models/calendar-feed"
import { Schedule } from "../../src/modules/booking/models/schedule"
import BookingModuleService from "../../src/modules/booking/service"

jest.setTimeout(90 * 1000)

// Without Redis always; with Redis too when REDIS_URL is set (own key prefix: the Redis is shared).
const redisUrl = process.env.REDIS_URL
const prefix = `test:booking:${process.pid}:${Date.now()}`
const variants: { name: string; options: Record<string, unknown> }[] = [{ name: "database only", options: {} }]
if (redisUrl) variants.push({ name: "Redis lock + database", options: { redisUrl, keyPrefix: prefix } })
else console.warn("REDIS_URL not set: the Redis-gated seat variant is not run (the database-only variant is).")

const slot = (start: string, minutes = 60) => ({ start_at: new Date(start), end_at: new Date(new Date(start).getTime() + minutes * 60_000) })
const request = (over: Record<string, unknown> = {}) => ({
  schedule_id: "bsch_1", product_id: "prod_1", timezone: "Asia/Dubai", capacity: 1, ttl_ms: 15 * 60_000,
  ...slot("2026-06-01T05:00:00Z"), ...over,
})

for (const variant of variants) {
  moduleIntegrationTestRunner<BookingModuleService>({
    moduleName: BOOKING_MODULE,
    moduleModels: [Schedule, Booking, CalendarFeed],
    moduleOptions: variant.options,
    resolve: "./src/modules/booking",
    testSuite: ({ service }) => {
      afterAll(async () => {
        if (variant.options.redisUrl) {
          const r = new Redis(redisUrl!)
          const keys = await r.keys(`${prefix}:*`)
          if (keys.length) await r.del(...keys)
          await r.quit()
        }
        await (service as any).__hooks?.onApplicationShutdown?.()
      })

      describe(`slot seats (${variant.name}, real PostgreSQL)`, () => {
        it("30 concurrent holds of a capacity-1 slot: exactly one wins", async () => {
          const results = await Promise.all(Array.from({ length: 30 }, (_, i) => service.holdSeat(request({ cart_id: `cart_${i}` }))))
          expect(results.filter(Boolean)).toHaveLength(1)
          const rows = await service.listBookings({ schedule_id: "bsch_1" })
          expect(rows).toHaveLength(1)
          expect(rows[0]).toEqual(expect.objectContaining({ status: "HELD", seat: 0 }))
          if (variant.options.redisUrl) {
            // The seat's Redis lock names the winning hold and expires with it.
            const r = new Redis(redisUrl!)
            const key = service.seatLockKey("bsch_1", new Date("2026-06-01T05:00:00Z"), 0)
            expect(await r.get(key)).toBe(rows[0].id)
            expect(await r.pttl(key)).toBeGreaterThan(14 * 60_000)
            await service.releaseSeatLock(rows[0])
            expect(await r.get(key)).toBeNull()
            await r.quit()
          }
        })

        it("30 concurrent holds of a capacity-3 slot: exactly three win, on seats 0, 1, 2", async () => {
          const results = await Promise.all(
            Array.from({ length: 30 }, (_, i) => service.holdSeat(request({ schedule_id: "bsch_3", capacity: 3, cart_id: `cart_${i}` })))
          )
          const won = results.filter(Boolean)
          expect(won).toHaveLength(3)
          expect(won.map((w) => w.seat).sort()).toEqual([0, 1, 2])
          const taken = await service.takenSeats({ schedule_id: "bsch_3", from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-02T00:00:00Z") })
          expect(taken.get(new Date("2026-06-01T05:00:00Z").getTime())).toBe(3)
        })

        it("holds several seats of one slot all or none (a line's quantity is its seats)", async () => {
          const three = (over: Record<string, unknown>) => ({ ...request({ schedule_id: "bsch_many", capacity: 3, ...over }) })
          const pair = await service.holdSeats({ ...three({ cart_id: "cart_pair" }), count: 2 })
          expect(pair!.map((r: any) => r.seat).sort()).toEqual([0, 1])
          // Two more wanted, one left: nothing is held.
          expect(await service.holdSeats({ ...three({ cart_id: "cart_late" }), count: 2 })).toBeNull()
          expect((await service.listBookings({ schedule_id: "bsch_many" })).map((r: any) => r.cart_id).sort()).toEqual(["cart_pair", "cart_pair"])
          const last = await service.holdSeats({ ...three({ cart_id: "cart_late" }), count: 1 })
          expect(last!.map((r: any) => r.seat)).toEqual([2])
        })

        it("the database alone refuses a second active row on one seat", async () => {
          const held = await service.holdSeat(request({ schedule_id: "bsch_db" }))
          expect(held).toBeTruthy()
          // Straight INSERT past every lock: the partial unique index is the last word.
          const insert = () =>
            (service as any).insertSeat_("bkg_forced", 0, request({ schedule_id: "bsch_db" }), new Date())
          expect(await insert()).toBeNull()
          expect(await service.listBookings({ schedule_id: "bsch_db" })).toHaveLength(1)
        })

        it("an expired hold frees the slot (for the next hold and for availability)", async () => {
          const t0 = new Date("2026-05-01T00:00:00Z")
          const first = await service.holdSeat(request({ schedule_id: "bsch_exp", ttl_ms: 1_000, now: t0, cart_id: "cart_a" }))
          expect(first).toBeTruthy()
          // Still live one instant before expiry: refused.
          expect(await service.holdSeat(request({ schedule_id: "bsch_exp", now: new Date(t0.getTime() + 999), cart_id: "cart_b" }))).toBeNull()
          const range = { schedule_id: "bsch_exp", from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-02T00:00:00Z") }
          expect((await service.takenSeats({ ...range, now: new Date(t0.getTime() + 999) })).size).toBe(1)
          expect((await service.takenSeats({ ...range, now: new Date(t0.getTime() + 1_000) })).size).toBe(0)
          if (variant.options.redisUrl) await service.releaseSeatLock(first) // the Redis PX is real time, not the test clock
          const second = await service.holdSeat(request({ schedule_id: "bsch_exp", now: new Date(t0.getTime() + 1_000), cart_id: "cart_b" }))
          expect(second).toBeTruthy()
          const [old] = await service.listBookings({ id: first.id })
          expect(old.status).toBe("EXPIRED")
          // An expired hold can no longer be turned into a booking.
          expect(await service.confirmHold({ id: first.id, order_id: "order_1", line_item_id: "ordli_1" })).toBe(false)
        })

        it("swapBooking moves a booking to a held seat atomically, or not at all", async () => {
          const a = await service.holdSeat(request({ schedule_id: "bsch_sw", cart_id: "cart_a" }))
          expect(await service.confirmHold({ id: a.id, order_id: "order_1", line_item_id: "ordli_1" })).toBe(true)
          const b = await service.holdSeat(request({ schedule_id: "bsch_sw", ...slot("2026-06-02T05:00:00Z"), cart_id: null }))
          await service.swapBooking({ old_id: a.id, new_id: b.id })
          const [oldRow] = await service.listBookings({ id: a.id })
          const [newRow] = await service.listBookings({ id: b.id })
          expect(oldRow).toEqual(expect.objectContaining({ status: "RESCHEDULED", rescheduled_to_id: b.id }))
          expect(newRow).toEqual(expect.objectContaining({ status: "BOOKED", order_id: "order_1", line_item_id: "ordli_1", reschedule_count: 1, rescheduled_from_id: a.id }))
          // Old one is no longer booked: a second swap fails and leaves the new hold untouched.
          const c = await service.holdSeat(request({ schedule_id: "bsch_sw", ...slot("2026-06-03T05:00:00Z") }))
          await expect(service.swapBooking({ old_id: a.id, new_id: c.id })).rejects.toThrow("no longer booked")
          const [cRow] = await service.listBookings({ id: c.id })
          expect(cRow.status).toBe("HELD")
        })
      })
    },
  })
}
