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
  if (!info?.schedule) return null
  if (input.metadata?.slot_start === undefined || input.metadata?.slot_start === null || input.metadata?.slot_start === "") {
    throw new SnailError(400, "SLOT_REQUIRED", `'${info.title}' is booked by time slot: send metadata.slot_start (see GET /store/products/:id/slots)`, "metadata.slot_start")
  }
  if ((input.quantity ?? 1) !== 1) {
    throw new SnailError(400, "SLOT_QUANTITY", "A booked service line holds one seat of one slot: its quantity must be 1", "quantity")
  }
  const start = parseSlotStart(input.metadata.slot_start)
  const held = await holdSeatFor(container, info, start, { cart_id: input.cart_id, customer_id: input.customer_id ?? null }, now)
  return { slot_start: held.start_at.toISOString(), slot_end: held.end_at.toISOString(), slot_timezone: info.schedule.timezone }
}

async function holdSeatFor(container: MedusaContainer, info: VariantBookingInfo, start: Date, owner: { cart_id: string | null; customer_id: string | null }, now: Date) {
  const schedule = info.schedule
  const slot = withStoredRule(schedule, () => isSlotStart(slotRules(schedule), start, now))
  if (!slot) throw new SnailError(409, "SLOT_UNAVAILABLE", `${start.toISOString()} is not a bookable slot of '${info.title}'`, "metadata.slot_start")
  const service = bookingService(container)
  const row = await service.holdSeat({
    schedule_id: schedule.id, start_at: slot.start_at, end_at: slot.end_at, timezone: schedule.timezone, capacity: schedule.capacity,
    product_id: info.product_id, variant_id: info.variant_id, merchant_id: info.merchant_id, cart_id: owner.cart_id, customer_id: owner.customer_id,
    ttl_ms: reservationTtlMs(), now,
  })
  if (!row) throw new SnailError(409, "SLOT_UNAVAILABLE", `The slot ${slot.start_at.toISOString()} of '${info.title}' is already taken`, "metadata.slot_start")
  return row as { id: string; start_at: Date; end_at: Date; seat: number; schedule_id: string }
}

/** Holds a seat for an existing booking being moved (reschedule): no cart, same buyer. */
export async function holdSeatForReschedule(container: MedusaContainer, variantId: string, start: Date, customerId: string | null, now = new Date()) {
  const info = (await bookingInfoForVariants(container, [variantId])).get(variantId)
  if (!info?.schedule) throw new SnailError(409, "SLOT_UNAVAILABLE", "This service has no schedule any more")
  return holdSeatFor(container, info, start, { cart_id: null, customer_id: customerId }, now)
}

/** Frees the cart's hold(s) for one line item's slot (the item is being removed). */
export async function releaseCartItemSlot(container: MedusaContainer, cartId: string, item: { variant_id?: string | null; metadata?: any }) {
  const start = item?.metadata?.slot_start
  if (!start || !item.variant_id) return []
  const service = bookingService(container)
  const holds = await service.listBookings({ cart_id: cartId, variant_id: item.variant_id, start_at: new Date(start), status: "HELD" } as any)
  return releaseRows(container, holds)
}

export async function releaseRows(container: MedusaContainer, rows: any[], to = "RELEASED", from = ["HELD"]) {
  if (!rows.length) return []
  const service = bookingService(container)
  const moved = await service.moveStatus({ ids: rows.map((r) => r.id), from, to })
  for (const r of rows.filter((r) => moved.includes(r.id))) await service.releaseSeatLock(r).catch(() => undefined)
  return moved
}

type CartItem = { id: string; variant_id: string | null; quantity: number; metadata: any }

/**
 * Makes sure every booked service line of the cart has a live hold, extending it by the TTL
 * (checkout start) or taking the seat again if its hold lapsed and the seat is still free; 409
 * SLOT_UNAVAILABLE otherwise, 400 SLOT_REQUIRED for a scheduled service line without a slot.
 * Returns, per line item, the hold.
 */
export async function ensureCartSlotHolds(container: MedusaContainer, cartId: string, items: CartItem[], customerId: string | null, now = new Date()) {
  const infos = await bookingInfoForVariants(container, items.map((i) => i.variant_id!).filter(Boolean))
  const service = bookingService(container)
  const out: { item_id: string; hold: any; info: VariantBookingInfo }[] = []
  const expires_at = new Date(now.getTime() + reservationTtlMs())
  for (const item of items) {
    const info = item.variant_id ? infos.get(item.variant_id) : undefined
    if (!info?.schedule) continue
    if (!item.metadata?.slot_start) {
      throw new SnailError(400, "SLOT_REQUIRED", `'${info.title}' is booked by time slot but the cart line has none: remove it and add it with a slot`, "metadata.slot_start")
    }
    const start = parseSlotStart(item.metadata.slot_start)
    const [live] = await service.listBookings({ cart_id: cartId, variant_id: item.variant_id, start_at: start, status: "HELD" } as any)
    if (live && (await service.moveStatus({ ids: [live.id], from: ["HELD"], to: "HELD", extra: { expires_at } })).length) {
      out.push({ item_id: item.id, hold: live, info })
      continue
    }
    out.push({ item_id: item.id, hold: await holdSeatFor(container, info, start, { cart_id: cartId, customer_id: customerId }, now), info })
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
