import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isSlotStart } from "../../lib/booking/slots"
import { SnailError } from "../../lib/snail-error"
import { reservationTtlMs } from "../reservations/stock"
import { bookingInfoForVariants, bookingService, slotRules, withStoredRule, type VariantBookingInfo } from "./schedules"

/** Line item metadata a booked service line carries (set when it is added to the cart). */
export type SlotMetadata = { slot_start: string; slot_end: string; slot_timezone: string }

export function parseSlotStart(value: unknown): Date {
  const d = typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : new Date(NaN)
  if (Number.isNaN(d.getTime())) {
    throw new SnailError(400, "INVALID_FIELD", "metadata.slot_start must be an ISO-8601 date-time (a slot's start_at)", "metadata.slot_start")
  }
  return d
}

/**
 * Checks a service item about to enter a cart and holds its slot for the checkout TTL:
 * 400 SLOT_REQUIRED without `metadata.slot_start`, 409 SLOT_UNAVAILABLE when the time is not a
 * slot of the schedule or no seat is free. Returns the metadata to store on the line item, or
 * null for items that need no slot (not a SERVICE, or a service sold without a schedule).
 */
export async function holdSlotForCartItem(
  container: MedusaContainer,
  input: { cart_id: string; variant_id: string; quantity?: number; metadata?: Record<string, unknown> | null; customer_id?: string | null },
  now = new Date()
): Promise<SlotMetadata | null> {
  const info = (await bookingInfoForVariants(container, [input.variant_id])).get(input.variant_id)
  if (info?.booking_mode === "slots" && !info.schedule) {
    throw new SnailError(422, "PRODUCT_NOT_SELLABLE", `'${info.title}' is booked by time slot but has no schedule yet, so no time can be booked`)
  }
  if (!info?.schedule) return null
  if (input.metadata?.slot_start === undefined || input.metadata?.slot_start === null || input.metadata?.slot_start === "") {
    throw new SnailError(400, "SLOT_REQUIRED", `'${info.title}' is booked by time slot: send metadata.slot_start (see GET /store/products/:id/slots)`, "metadata.slot_start")
  }
  const start = parseSlotStart(input.metadata.slot_start)
  const held = await holdSeatsFor(container, info, start, { cart_id: input.cart_id, customer_id: input.customer_id ?? null }, seatCount(input.quantity), now)
  return { slot_start: held[0].start_at.toISOString(), slot_end: held[0].end_at.toISOString(), slot_timezone: info.schedule.timezone }
}

/** A service line's quantity is its seats in one slot (400 INVALID_FIELD for anything but a whole number ≥ 1). */
export function seatCount(quantity: unknown): number {
  const n = quantity === undefined || quantity === null ? 1 : Number(quantity)
  if (!Number.isInteger(n) || n < 1) throw new SnailError(400, "INVALID_FIELD", "quantity must be a whole number of places, at least 1", "quantity")
  return n
}

type HeldSeat = { id: string; start_at: Date; end_at: Date; seat: number; schedule_id: string }

/** "10:00 on 14 Dec" in the schedule's own time zone (how the merchant announced the slot). */
export function slotWords(start: Date, timezone: string) {
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(start)
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, day: "numeric", month: "short" }).format(start)
  return `${time} on ${day}`
}

/**
 * Holds `count` seats of one slot for a cart (or a reschedule), all or none: 409 SLOT_UNAVAILABLE
 * when the time is not a slot or no seat is left, 409 SLOT_CAPACITY_EXCEEDED (in words, with the
 * places left) when some but fewer than `count` are free.
 */
async function holdSeatsFor(
  container: MedusaContainer, info: VariantBookingInfo, start: Date, owner: { cart_id: string | null; customer_id: string | null }, count: number, now: Date
): Promise<HeldSeat[]> {
  const schedule = info.schedule
  const slot = withStoredRule(schedule, () => isSlotStart(slotRules(schedule), start, now))
  if (!slot) throw new SnailError(409, "SLOT_UNAVAILABLE", `${start.toISOString()} is not a bookable slot of '${info.title}'`, "metadata.slot_start")
  const service = bookingService(container)
  const rows = await service.holdSeats({
    schedule_id: schedule.id, start_at: slot.start_at, end_at: slot.end_at, timezone: schedule.timezone, capacity: schedule.capacity,
    product_id: info.product_id, variant_id: info.variant_id, merchant_id: info.merchant_id, cart_id: owner.cart_id, customer_id: owner.customer_id,
    ttl_ms: reservationTtlMs(), now, count,
  })
  if (rows) return rows as HeldSeat[]
  const taken = await service.takenSeats({ schedule_id: schedule.id, from: slot.start_at, to: new Date(slot.start_at.getTime() + 1), now })
  const left = Math.max(0, schedule.capacity - (taken.get(slot.start_at.getTime()) ?? 0))
  if (left === 0) throw new SnailError(409, "SLOT_UNAVAILABLE", `The slot ${slot.start_at.toISOString()} of '${info.title}' is already taken`, "metadata.slot_start")
  throw new SnailError(
    409,
    "SLOT_CAPACITY_EXCEEDED",
    `Only ${left} ${left === 1 ? "place is" : "places are"} left at ${slotWords(slot.start_at, schedule.timezone)} for '${info.title}' (you asked for ${count})`,
    "quantity"
  )
}

/** Holds `count` seats for an existing booking being moved (reschedule): no cart, same buyer. */
export async function holdSeatsForReschedule(container: MedusaContainer, variantId: string, start: Date, customerId: string | null, count = 1, now = new Date()) {
  const info = (await bookingInfoForVariants(container, [variantId])).get(variantId)
  if (!info?.schedule) throw new SnailError(409, "SLOT_UNAVAILABLE", "This service has no schedule any more")
  return holdSeatsFor(container, info, start, { cart_id: null, customer_id: customerId }, count, now)
}

/** Frees the cart's hold(s) for one line item's slot (the item is being removed). */
export async function releaseCartItemSlot(container: MedusaContainer, cartId: string, item: { variant_id?: string | null; metadata?: any }) {
  const start = item?.metadata?.slot_start
  if (!start || !item.variant_id) return []
  const service = bookingService(container)
  const holds = await service.listBookings({ cart_id: cartId, variant_id: item.variant_id, start_at: new Date(start), status: "HELD" } as any)
  return releaseRows(container, holds)
}

/**
 * Grows a cart line's seats to `wanted` before its quantity changes: holds the missing seats of its
 * slot (all or none); returns the rows it added so a failed update can give them back.
 */
export async function resizeCartItemSlot(container: MedusaContainer, cartId: string, item: { variant_id?: string | null; metadata?: any }, wanted: number, customerId: string | null, now = new Date()) {
  if (!item.variant_id || !item.metadata?.slot_start) return []
  const info = (await bookingInfoForVariants(container, [item.variant_id])).get(item.variant_id)
  if (!info?.schedule) return []
  const start = parseSlotStart(item.metadata.slot_start)
  const live = await cartSlotHolds(container, cartId, item.variant_id, start)
  if (live.length >= wanted) return []
  return holdSeatsFor(container, info, start, { cart_id: cartId, customer_id: customerId }, wanted - live.length, now)
}

/** After a quantity decrease: seats beyond the line's quantity go back to the slot. */
export async function trimCartItemSlot(container: MedusaContainer, cartId: string, item: { variant_id?: string | null; metadata?: any }, wanted: number) {
  if (!item.variant_id || !item.metadata?.slot_start) return []
  const live = await cartSlotHolds(container, cartId, item.variant_id, new Date(item.metadata.slot_start))
  return releaseRows(container, live.slice(wanted))
}

export async function releaseRows(container: MedusaContainer, rows: any[], to = "RELEASED", from = ["HELD"]) {
  if (!rows.length) return []
  const service = bookingService(container)
  const moved = await service.moveStatus({ ids: rows.map((r) => r.id), from, to })
  for (const r of rows.filter((r) => moved.includes(r.id))) await service.releaseSeatLock(r).catch(() => undefined)
  return moved
}

type CartItem = { id: string; variant_id: string | null; quantity: number; metadata: any }

/** The cart's holds on one slot of a variant (one row per seat). */
export async function cartSlotHolds(container: MedusaContainer, cartId: string, variantId: string, start: Date) {
  return bookingService(container).listBookings({ cart_id: cartId, variant_id: variantId, start_at: start, status: "HELD" } as any)
}

/**
 * Makes sure every booked service line of the cart holds as many live seats as its quantity,
 * extending them by the TTL (checkout start) or taking seats again if holds lapsed and seats are
 * still free; 409 SLOT_UNAVAILABLE / SLOT_CAPACITY_EXCEEDED otherwise, 400 SLOT_REQUIRED for a
 * scheduled service line without a slot. Seats beyond the quantity are given back.
 * Returns, per line item, its holds.
 */
export async function ensureCartSlotHolds(container: MedusaContainer, cartId: string, items: CartItem[], customerId: string | null, now = new Date()) {
  const infos = await bookingInfoForVariants(container, items.map((i) => i.variant_id!).filter(Boolean))
  const service = bookingService(container)
  const out: { item_id: string; holds: HeldSeat[]; info: VariantBookingInfo }[] = []
  const expires_at = new Date(now.getTime() + reservationTtlMs())
  for (const item of items) {
    const info = item.variant_id ? infos.get(item.variant_id) : undefined
    if (!info?.schedule) {
      // A line booked for a time whose schedule was withdrawn after it was added: the time can no
      // longer be honoured, so checkout stops here instead of selling a slot nobody will serve.
      if (info?.kind === "SERVICE" && (info.booking_mode === "slots" || item.metadata?.slot_start)) {
        throw new SnailError(409, "SLOT_UNAVAILABLE", `'${info.title}' can no longer be booked: the seller withdrew its schedule. Remove it from the cart.`)
      }
      continue
    }
    if (!item.metadata?.slot_start) {
      throw new SnailError(400, "SLOT_REQUIRED", `'${info.title}' is booked by time slot but the cart line has none: remove it and add it with a slot`, "metadata.slot_start")
    }
    const start = parseSlotStart(item.metadata.slot_start)
    const wanted = seatCount(item.quantity)
    const live = await cartSlotHolds(container, cartId, item.variant_id!, start)
    const extra = live.slice(wanted)
    if (extra.length) await releaseRows(container, extra)
    const kept = live.slice(0, wanted)
    const extended = kept.length ? await service.moveStatus({ ids: kept.map((h: any) => h.id), from: ["HELD"], to: "HELD", extra: { expires_at } }) : []
    const holds: HeldSeat[] = kept.filter((h: any) => extended.includes(h.id))
    if (holds.length < wanted) {
      holds.push(...(await holdSeatsFor(container, info, start, { cart_id: cartId, customer_id: customerId }, wanted - holds.length, now)))
    }
    out.push({ item_id: item.id, holds, info })
  }
  return out
}

/** Checkout start (payment session): refreshes the cart's slot holds. */
export async function refreshCartSlotHolds(container: MedusaContainer, cartId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({
    entity: "cart", fields: ["id", "completed_at", "customer_id", "items.id", "items.variant_id", "items.quantity", "items.metadata"], filters: { id: cartId },
  })
  if (!cart || (cart as any).completed_at) return []
  return ensureCartSlotHolds(container, cartId, ((cart as any).items ?? []).filter(Boolean), (cart as any).customer_id ?? null)
}
