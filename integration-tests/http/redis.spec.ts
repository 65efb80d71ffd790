import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { drainEventBus } from "../helpers/events"

jest.setTimeout(120 * 1000)

const redisUrl = process.env.REDIS_URL

// Without REDIS_URL this file is not collected (jest.config.js) and `npm test` names it as not run.
if (redisUrl) {
  medusaIntegrationTestRunner({
    env: { REDIS_URL: redisUrl },
    testSuite: ({ getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))
      let redis: Redis

      beforeAll(() => {
        redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 })
      })
      afterAll(async () => {
        await redis.quit()
      })

      describe("with REDIS_URL set", () => {
        it("runs the Redis event bus and the Redis workflow engine", async () => {
          const container = getContainer()
          expect(container.resolve(Modules.EVENT_BUS).constructor.name).toBe("RedisEventBusService")
          // The Redis workflow engine keeps its BullMQ queues in Redis; the in-memory one has none.
          expect(await redis.keys("bull:medusa-workflows*")).not.toHaveLength(0)
        })

        it("delivers an emitted event through Redis to a subscriber", async () => {
          const eventBus = getContainer().resolve(Modules.EVENT_BUS)
          const received = new Promise<any>((resolve) => eventBus.subscribe("snail.test.ping", async (event: any) => resolve(event)))
          await eventBus.emit({ name: "snail.test.ping", data: { n: 42 } })
          const event = await received
          expect(event.data).toEqual({ n: 42 })
          // BullMQ keeps the queue in Redis: the event went through the server, not memory.
          expect((await redis.keys("bull:*")).length).toBeGreaterThan(0)
        })

        it("serialises work on one key with the Redis locking provider, and the lock lives in Redis", async () => {
          const locking = getContainer().resolve(Modules.LOCKING)
          const key = `snail-test-${Date.now()}`
          const order: string[] = []
          let sawLockInRedis = false
          const job = (name: string) =>
            locking.execute(key, async () => {
              order.push(`${name}:start`)
              sawLockInRedis ||= (await redis.keys(`*${key}*`)).length > 0
              await new Promise((r) => setTimeout(r, 150))
              order.push(`${name}:end`)
            })
          await Promise.all([job("a"), job("b")])
          expect(sawLockInRedis).toBe(true)
          // No interleaving: each job ends before the other starts.
          expect([order.slice(0, 2), order.slice(2)].every(([s, e]) => s.split(":")[0] === e.split(":")[0])).toBe(true)
        })

        it("caches values in Redis through the caching module", async () => {
          const caching = getContainer().resolve(Modules.CACHING) as any
          const key = `snail-cache-${Date.now()}`
          await caching.set({ key, data: { hello: "redis" } })
          expect(await caching.get({ key })).toEqual({ hello: "redis" })
          expect((await redis.keys(`*${key}*`)).length).toBeGreaterThan(0)
        })
      })
    },
  })
}
