import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { Booking } from "./models/booking"
import { CalendarFeed } from "./models/calendar-feed"
import { Schedule } from "./models/schedule"
import { withMerchantScope } from "../../lib/merchant-scope"

export type BookingModuleOptions = {
  /** When set, each seat is also gated by a Redis `SET NX PX` lock (the database stays the source of truth). */
  redisUrl?: string
  /** Prefix of the Redis lock keys (tests use their own). */
  keyPrefix?: string
}

export type SeatRequest = {
  schedule_id: string
  start_at: Date
  end_at: Date
  timezone: string
  capacity: number
  product_id: string
  variant_id?: string | null
  merchant_id?: string | null
  cart_id?: string | null
  customer_id?: string | null
  /** Hold lifetime; also the Redis lock's PX. */
  ttl_ms: number
  now?: Date
}

const redisClients = new Map<string, Redis>()

/** Thrown inside the hold transaction to roll it back when the slot has fewer free seats than asked. */
class NotEnoughSeats extends Error {}

const RELEASE_IF_OWNER = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`

export default class BookingModuleService extends withMerchantScope(MedusaService({ Schedule, Booking, CalendarFeed })) {
  protected readonly bookingOptions_: BookingModuleOptions

  constructor(container: any, options: BookingModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.bookingOptions_ = options ?? {}
  }

  protected seatLockClient_(): Redis | undefined {
    const url = this.bookingOptions_.redisUrl
    if (!url) return undefined
    // Kept outside the instance: Medusa hands module services out behind a proxy that does not keep
    // properties assigned after construction.
    let client = redisClients.get(url)
    if (!client) {
      client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 })
      redisClients.set(url, client)
    }
    return client
  }

  // The Redis connection is the module's own: closed with the application.
  __hooks = {
    onApplicationShutdown: async () => {
      const url = this.bookingOptions_.redisUrl
      const client = url ? redisClients.get(url) : undefined
      if (url) redisClients.delete(url)
      await client?.quit().catch(() => undefined)
    },
  }

  seatLockKey(scheduleId: string, startAt: Date, seat: number) {
    return `${this.bookingOptions_.keyPrefix ?? "snail:slot"}:${scheduleId}:${startAt.toISOString()}:${seat}`
  }

  /**
   * Takes the first free seat of a slot as a HELD row expiring after `ttl_ms`; null when every
   * seat is taken. (One seat of `holdSeats`.)
   */
  async holdSeat(input: SeatRequest): Promise<any | null> {
    return (await this.holdSeats({ ...input, count: 1 }))?.[0] ?? null
  }

  /**
   * Takes `count` free seats of one slot as HELD rows, all or none (a service line's quantity is
   * its seats in one slot); null when fewer are free. Holds of the slot that have expired are
   * retired first. The attempt runs in one transaction behind a per-slot advisory lock, so two
   * carts wanting the last seats never split them (and never deadlock on each other's rows);
   * with Redis each seat is also gated by its `SET NX PX` lock. The partial unique index decides.
   */
  async holdSeats(input: SeatRequest & { count: number }): Promise<any[] | null> {
    const now = input.now ?? new Date()
    if (!Number.isInteger(input.count) || input.count < 1 || input.count > input.capacity) return null
    await this.expireHolds({ schedule_id: input.schedule_id, start_at: input.start_at, now })
    try {
      return await this.insertSeats_(input, now)
    } catch (e) {
      if (e instanceof NotEnoughSeats) return null
      throw e
    }
  }

  /** Gives the seat's Redis lock back (the row's status is changed by the caller). */
  async releaseSeatLock(booking: { id: string; schedule_id: string; start_at: Date | string; seat: number }) {
    const redis = this.seatLockClient_()
    if (!redis) return
    await redis.eval(RELEASE_IF_OWNER, 1, this.seatLockKey(booking.schedule_id, new Date(booking.start_at), booking.seat), booking.id)
  }

  @InjectTransactionManager()
  protected async insertSeats_(input: SeatRequest & { count: number }, now: Date, @MedusaContext() sharedContext: Context = {}) {
    const em = sharedContext.transactionManager as any
    await em.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`booking:${input.schedule_id}:${input.start_at.toISOString()}`])
    const redis = this.seatLockClient_()
    const taken: { id: string; seat: number; key: string }[] = []
    try {
      for (let seat = 0; seat < input.capacity && taken.length < input.count; seat++) {
        const id = generateEntityId(undefined, "bkg")
        const key = this.seatLockKey(input.schedule_id, input.start_at, seat)
        if (redis && (await redis.set(key, id, "PX", input.ttl_ms, "NX")) !== "OK") continue
        const rows = await this.insertSeatRow_(em, id, seat, input, now)
        if (rows.length) taken.push({ id, seat, key })
        else if (redis) await redis.eval(RELEASE_IF_OWNER, 1, key, id)
      }
      // Fewer seats than asked: the transaction rolls back and nothing stays held.
      if (taken.length < input.count) throw new NotEnoughSeats()
    } catch (e) {
      if (redis) for (const t of taken) await redis.eval(RELEASE_IF_OWNER, 1, t.key, t.id).catch(() => undefined)
      throw e
    }
    return taken.map(({ id, seat }) => ({ id, seat, schedule_id: input.schedule_id, start_at: input.start_at, end_at: input.end_at, status: "HELD" }))
  }

  /** One seat's row, straight into the table (no locks): the partial unique index has the last word. */
  @InjectManager()
  protected async insertSeat_(id: string, seat: number, input: SeatRequest, now: Date, @MedusaContext() sharedContext: Context = {}) {
    const rows = await this.insertSeatRow_(sharedContext.manager, id, seat, input, now)
    return rows.length ? { id, seat, schedule_id: input.schedule_id, start_at: input.start_at, end_at: input.end_at, status: "HELD" } : null
  }

  protected async insertSeatRow_(em: any, id: string, seat: number, input: SeatRequest, now: Date): Promise<any[]> {
    return em.execute(
      `INSERT INTO "booking" ("id", "schedule_id", "merchant_id", "product_id", "variant_id", "start_at", "end_at", "timezone", "seat",
                              "status", "expires_at", "cart_id", "customer_id", "reschedule_count", "created_at", "updated_at")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'HELD', ?, ?, ?, 0, now(), now())
       ON CONFLICT DO NOTHING
       RETURNING "id"`,
      [id, input.schedule_id, input.merchant_id ?? null, input.product_id, input.variant_id ?? null, input.start_at, input.end_at,
        input.timezone, seat, new Date(now.getTime() + input.ttl_ms), input.cart_id ?? null, input.customer_id ?? null]
    )
  }

  /** Retires holds past their `expires_at` (one slot, or all when no slot is given); returns them. */
  @InjectManager()
  async expireHolds(
    input: { schedule_id?: string; start_at?: Date; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; schedule_id: string; start_at: Date; seat: number }[]> {
    const em = sharedContext.manager as any
    const where = [`"status" = 'HELD'`, `"expires_at" <= ?`, `"deleted_at" IS NULL`]
    const params: unknown[] = [input.now ?? new Date()]
    if (input.schedule_id) (where.push(`"schedule_id" = ?`), params.push(input.schedule_id))
    if (input.start_at) (where.push(`"start_at" = ?`), params.push(input.start_at))
    return em.execute(
      `UPDATE "booking" SET "status" = 'EXPIRED', "updated_at" = now() WHERE ${where.join(" AND ")}
       RETURNING "id", "schedule_id", "start_at", "seat"`,
      params
    )
  }

  /** Seats occupied per slot start (bookings and live holds) in [from, to). */
  @InjectManager()
  async takenSeats(
    input: { schedule_id: string; from: Date; to: Date; now?: Date; exclude_cart_id?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<number, number>> {
    const em = sharedContext.manager as any
    const rows: { start_at: Date; taken: string }[] = await em.execute(
      `SELECT "start_at", count(*) AS "taken" FROM "booking"
        WHERE "schedule_id" = ? AND "start_at" >= ? AND "start_at" < ? AND "deleted_at" IS NULL
          AND ("status" = 'BOOKED' OR ("status" = 'HELD' AND "expires_at" > ?))
        GROUP BY "start_at"`,
      [input.schedule_id, input.from, input.to, input.now ?? new Date()]
    )
    return new Map(rows.map((r) => [new Date(r.start_at).getTime(), Number(r.taken)]))
  }

  /**
   * Turns a live hold into the booking of an order line (checkout completion); false when the
   * hold is gone (expired and retired, or released).
   */
  @InjectManager()
  async confirmHold(
    input: { id: string; order_id: string; line_item_id: string; customer_id?: string | null; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const em = sharedContext.manager as any
    const rows: any[] = await em.execute(
      `UPDATE "booking" SET "status" = 'BOOKED', "expires_at" = NULL, "order_id" = ?, "line_item_id" = ?,
              "customer_id" = COALESCE(?, "customer_id"), "updated_at" = now()
        WHERE "id" = ? AND "status" = 'HELD' AND "expires_at" > ? AND "deleted_at" IS NULL RETURNING "id"`,
      [input.order_id, input.line_item_id, input.customer_id ?? null, input.id, input.now ?? new Date()]
    )
    return rows.length > 0
  }

  /** Moves rows from one status to another only if they are still in it; returns the ids moved. */
  @InjectManager()
  async moveStatus(
    input: { ids: string[]; from: string[]; to: string; extra?: { expires_at?: Date | null; order_id?: string | null; line_item_id?: string | null } },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    if (!input.ids.length) return []
    const em = sharedContext.manager as any
    const sets = [`"status" = ?`, `"updated_at" = now()`]
    const params: unknown[] = [input.to]
    for (const [col, value] of Object.entries(input.extra ?? {})) (sets.push(`"${col}" = ?`), params.push(value))
    const rows: { id: string }[] = await em.execute(
      `UPDATE "booking" SET ${sets.join(", ")} WHERE "id" IN (${input.ids.map(() => "?").join(", ")})
          AND "status" IN (${input.from.map(() => "?").join(", ")}) RETURNING "id"`,
      [...params, ...input.ids, ...input.from]
    )
    return rows.map((r) => r.id)
  }

  /**
   * The atomic half of a reschedule: the new seat (already held by the caller) becomes the
   * booking and the old one is retired, in one transaction, or neither happens.
   */
  async swapBooking(input: { old_id: string; new_id: string }): Promise<boolean> {
    return this.swapBookings({ pairs: [input] })
  }

  /** Several seats of one line moved together (a line's quantity is its seats): all pairs or none. */
  @InjectTransactionManager()
  async swapBookings(input: { pairs: { old_id: string; new_id: string }[] }, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    for (const pair of input.pairs) await this.swapOne_(sharedContext.transactionManager, pair)
    return true
  }

  protected async swapOne_(em: any, input: { old_id: string; new_id: string }) {
    const [old]: any[] = await em.execute(
      `UPDATE "booking" SET "status" = 'RESCHEDULED', "rescheduled_to_id" = ?, "updated_at" = now()
        WHERE "id" = ? AND "status" = 'BOOKED' RETURNING "order_id", "line_item_id", "customer_id", "reschedule_count", "cart_id"`,
      [input.new_id, input.old_id]
    )
    if (!old) throw new Error(`Booking ${input.old_id} is no longer booked`)
    const moved: any[] = await em.execute(
      `UPDATE "booking" SET "status" = 'BOOKED', "expires_at" = NULL, "order_id" = ?, "line_item_id" = ?, "customer_id" = ?,
              "cart_id" = ?, "reschedule_count" = ?, "rescheduled_from_id" = ?, "updated_at" = now()
        WHERE "id" = ? AND "status" = 'HELD' RETURNING "id"`,
      [old.order_id, old.line_item_id, old.customer_id, old.cart_id, Number(old.reschedule_count) + 1, input.old_id, input.new_id]
    )
    if (!moved.length) throw new Error(`The new hold ${input.new_id} is gone`)
    return true
  }
}
