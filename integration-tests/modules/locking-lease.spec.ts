import Redis from "ioredis"

/*
 * Issue 23: a server SIGKILLed mid-checkout held Medusa's cart completion lock (acquireLockStep, ttl
 * 120 s, never renewed) and every retry of the checkout answered 409 for two minutes. The leased
 * provider keeps a lock alive only while its holder renews it. A "dead" holder here is a provider
 * whose renewal timers stop without releasing: exactly what SIGKILL leaves behind in Redis.
 */
process.env.LOCK_LEASE_S = "3"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { LeasedRedisLockingProvider, LOCK_LEASE_S } = require("../../src/modules/locking-lease/service")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { RedisLockingProvider } = require("@medusajs/locking-redis/dist/services/redis-lock")

jest.setTimeout(30_000)
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const prefix = `snail:test:lease:${process.pid}:${Date.now()}:`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe("leased Redis locks (the cart completion lock of a killed server)", () => {
  const clients: Redis[] = []
  const make = (Provider: any) => {
    const redisClient = new Redis(redisUrl, { maxRetriesPerRequest: 1 })
    clients.push(redisClient)
    return new Provider({ redisClient, prefix }, {})
  }
  /** SIGKILL, as far as Redis can tell: the holder stops renewing and never releases. */
  const die = (provider: any) => {
    for (const key of provider.renewing()) clearTimeout(provider.renewals.get(key).timer)
    provider.renewals.clear()
  }
  afterAll(async () => {
    const keys = await clients[0].keys(`${prefix}*`)
    if (keys.length) await clients[0].del(...keys)
    await Promise.all(clients.map((c) => c.quit()))
  })

  it("Medusa's stock provider: a dead holder's 120 s lock still blocks the cart after the lease time", async () => {
    const dead = make(RedisLockingProvider)
    const other = make(RedisLockingProvider)
    await dead.acquire("cart_stock", { expire: 120 })
    await sleep((LOCK_LEASE_S + 1) * 1000)
    await expect(other.acquire("cart_stock", { expire: 120 })).rejects.toThrow(/Failed to acquire lock/)
    expect(await clients[0].ttl(`${prefix}cart_stock`)).toBeGreaterThan(100)
  })

  it("a live holder keeps its lock past the lease; a dead holder's lock lapses within one lease", async () => {
    const holder = make(LeasedRedisLockingProvider)
    const other = make(LeasedRedisLockingProvider)
    await holder.acquire("cart_live", { expire: 120 })
    // Stored for one lease, not 120 s …
    expect(await clients[0].ttl(`${prefix}cart_live`)).toBeLessThanOrEqual(LOCK_LEASE_S)
    // … and renewed while held: after two leases it is still the holder's.
    await sleep(LOCK_LEASE_S * 2 * 1000)
    await expect(other.acquire("cart_live", { expire: 120 })).rejects.toThrow(/Failed to acquire lock/)
    // The holder dies without releasing: the lock is free again within one lease.
    die(holder)
    const diedAt = Date.now()
    for (;;) {
      try {
        await other.acquire("cart_live", { expire: 120 })
        break
      } catch {
        expect(Date.now() - diedAt).toBeLessThan((LOCK_LEASE_S + 1) * 1000)
        await sleep(200)
      }
    }
    expect(other.renewing()).toEqual(["cart_live"])
    await other.release("cart_live")
    expect(other.renewing()).toEqual([])
    expect(await clients[0].exists(`${prefix}cart_live`)).toBe(0)
  })

  it("renewal stops at the ttl that was asked for, and never revives a lock taken over meanwhile", async () => {
    const holder = make(LeasedRedisLockingProvider)
    // A ttl just above the lease: renewed once, then left to lapse as Medusa's expiry would.
    await holder.acquire("cart_short", { expire: LOCK_LEASE_S + 1 })
    await sleep((LOCK_LEASE_S + 2) * 1000 + 500)
    expect(await clients[0].exists(`${prefix}cart_short`)).toBe(0)
    // Released by someone else (the checkout recovery's take-over) and taken by another owner: not extended by the first.
    await holder.acquire("cart_taken", { expire: 120, ownerId: "first" })
    await holder.release("cart_taken", { ownerId: "first" })
    const other = make(LeasedRedisLockingProvider)
    await other.acquire("cart_taken", { expire: 2, ownerId: "second" })
    await sleep(2500)
    expect(await clients[0].exists(`${prefix}cart_taken`)).toBe(0)
    // Short locks are Medusa's own: stored with their ttl, nothing renewed.
    await holder.acquire("short", { expire: 2 })
    expect(holder.renewing()).toEqual([])
  })
})
