import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { IDEMPOTENCY_MODULE } from "../../src/modules/idempotency"
import { IdempotencyKey } from "../../src/modules/idempotency/models/idempotency-key"
import IdempotencyModuleService from "../../src/modules/idempotency/service"

jest.setTimeout(60 * 1000)

const input = { key: "k-1", scope: "POST /store/carts/cart_1/complete guest", request_hash: "h-1" }

moduleIntegrationTestRunner<IdempotencyModuleService>({
  moduleName: IDEMPOTENCY_MODULE,
  moduleModels: [IdempotencyKey],
  resolve: "./src/modules/idempotency",
  testSuite: ({ service }) => {
    describe("idempotency key claims (real PostgreSQL)", () => {
      it("lets exactly one of many concurrent claims win", async () => {
        const results = await Promise.all(Array.from({ length: 10 }, () => service.claim(input)))
        expect(results.filter((r) => r.outcome === "claimed")).toHaveLength(1)
        expect(results.filter((r) => r.outcome === "in_progress")).toHaveLength(9)
        const [row] = await service.listIdempotencyKeys({ key: input.key })
        expect(row).toEqual(expect.objectContaining({ status: "IN_PROGRESS", scope: input.scope, request_hash: "h-1" }))
        expect(row.expires_at.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600 * 1000)
      })

      it("replays a completed key and refuses it for another request", async () => {
        const claim = await service.claim(input)
        if (claim.outcome !== "claimed") throw new Error("expected a claim")
        await service.complete(claim.id, { status: 200, body: { order: { id: "order_1" } } })
        expect(await service.claim(input)).toEqual({ outcome: "completed", response: { status: 200, body: { order: { id: "order_1" } } } })
        expect(await service.claim({ ...input, request_hash: "h-2" })).toEqual({ outcome: "mismatch" })
        // Another scope (route / actor) is another key space.
        expect((await service.claim({ ...input, scope: "POST /store/carts/cart_2/complete guest" })).outcome).toBe("claimed")
      })

      it("frees a released key for the next claim", async () => {
        const first = await service.claim(input)
        if (first.outcome !== "claimed") throw new Error("expected a claim")
        await service.release(first.id)
        expect((await service.claim(input)).outcome).toBe("claimed")
      })

      it("treats an expired key as new and deletes expired keys", async () => {
        const old = await service.claim({ ...input, ttl_ms: -1000 })
        if (old.outcome !== "claimed") throw new Error("expected a claim")
        await service.complete(old.id, { status: 200, body: {} })
        // A different body is fine once the key has expired: it is a new request.
        expect((await service.claim({ ...input, request_hash: "h-2" })).outcome).toBe("claimed")
        await service.claim({ ...input, key: "k-expired", ttl_ms: -1 })
        expect(await service.deleteExpired()).toBe(1)
        expect((await service.listIdempotencyKeys({})).map((k) => k.key)).toEqual(["k-1"])
      })

      it("lets one caller take over a claim whose lock went stale", async () => {
        const first = await service.claim(input)
        if (first.outcome !== "claimed") throw new Error("expected a claim")
        // Stale after 500 ms: long enough that the winner's fresh lock is not itself stale again by the
        // time the other takers' updates run on a loaded machine (10 ms was: CI saw three "winners").
        await new Promise((r) => setTimeout(r, 700))
        const takers = await Promise.all(Array.from({ length: 5 }, () => service.claim({ ...input, lock_timeout_ms: 500 })))
        expect(takers.filter((t) => t.outcome === "claimed")).toEqual([{ outcome: "claimed", id: first.id }])
      })
    })
  },
})
