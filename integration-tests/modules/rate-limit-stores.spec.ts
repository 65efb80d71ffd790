import Redis from "ioredis"
import { MemoryWindowStore, RedisWindowStore, type WindowStore } from "../../src/api/rate-limit/stores"

/*
 * The sliding window both stores implement (issue 20 §4): N hits per window, the N+1st refused until
 * the oldest hit leaves the window; locks expire. Redis is the store several server instances share.
 */
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const prefix = `snail:test:rl:${process.pid}:${Date.now()}:`

function contract(name: string, make: () => WindowStore) {
  describe(name, () => {
    it("allows `limit` hits in a sliding window and says when the next one fits", async () => {
      const store = make()
      const t0 = 1_000_000
      for (let i = 0; i < 3; i++) expect((await store.hit("k", 10_000, 3, t0 + i * 1000)).allowed).toBe(true)
      const refused = await store.hit("k", 10_000, 3, t0 + 5000)
      expect(refused).toEqual({ allowed: false, count: 3, retryAfterMs: 5000 })
      // The first hit slides out after 10 s: one more fits, not two.
      expect((await store.hit("k", 10_000, 3, t0 + 10_001)).allowed).toBe(true)
      expect((await store.hit("k", 10_000, 3, t0 + 10_002)).allowed).toBe(false)
      expect(await store.count("k", 10_000, t0 + 10_002)).toBe(3)
      await store.reset("k")
      expect(await store.count("k", 10_000, t0 + 10_002)).toBe(0)
    })

    it("locks a key for a while", async () => {
      const store = make()
      expect(await store.lockedFor("who")).toBe(0)
      await store.lock("who", 60_000)
      const left = await store.lockedFor("who")
      expect(left).toBeGreaterThan(50_000)
      expect(left).toBeLessThanOrEqual(60_000)
    })
  })
}

contract("memory window store", () => new MemoryWindowStore())

describe("redis window store", () => {
  let redis: Redis
  beforeAll(() => {
    redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 })
  })
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  })
  contract("shared by instances", () => new RedisWindowStore(redis, prefix))

  it("counts hits from two instances in one window", async () => {
    const a = new RedisWindowStore(redis, prefix)
    const b = new RedisWindowStore(redis, prefix)
    const now = Date.now()
    expect((await a.hit("shared", 60_000, 2, now)).allowed).toBe(true)
    expect((await b.hit("shared", 60_000, 2, now + 1)).allowed).toBe(true)
    expect((await a.hit("shared", 60_000, 2, now + 2)).allowed).toBe(false)
  })
})
