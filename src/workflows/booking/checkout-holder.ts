import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { lineQuantity } from "../../lib/order-items"
import { SnailError } from "../../lib/snail-error"
import { registerServiceSlotHolder } from "../reservations/service-slots"
import { ensureCartSlotHolds, releaseRows } from "./cart-holds"
import { bookingService } from "./schedules"

type Held = { booked: { id: string; schedule_id: string; start_at: Date; seat: number }[] }

/**
 * Checkout completion (completeCartWorkflow's beforePaymentAuthorization, via the
 * service-slots extension point): each booked service line's hold becomes the booking of the
 * new order's line item. If the checkout fails later, `release` frees those seats.
 */
export async function bookCartSlots(container: MedusaContainer, cartId: string): Promise<Held> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
  const orderId = (links[0] as any)?.order_id
  if (!orderId) return { booked: [] }
  const { data: [order] } = await query.graph({
    entity: "order", fields: ["id", "customer_id", "items.id", "items.variant_id", "items.quantity", "items.detail.quantity", "items.metadata"], filters: { id: orderId },
  })
  // An order item's quantity (its seats) lives on the item's detail.
  const items = ((order as any)?.items ?? []).filter(Boolean).map((i: any) => ({ ...i, quantity: lineQuantity(i) }))
  const now = new Date()
  const holds = await ensureCartSlotHolds(container, cartId, items, (order as any).customer_id ?? null, now)
  const service = bookingService(container)
  const booked: Held["booked"] = []
  try {
    // Every seat of a line (its quantity) becomes a booking of that line, or the checkout fails.
    for (const { item_id, holds: seats, info } of holds) {
      for (const hold of seats) {
        const ok = await service.confirmHold({ id: hold.id, order_id: orderId, line_item_id: item_id, customer_id: (order as any).customer_id ?? null, now })
        if (!ok) throw new SnailError(409, "SLOT_UNAVAILABLE", `The hold on '${info.title}' lapsed before payment`)
        booked.push({ id: hold.id, schedule_id: hold.schedule_id, start_at: hold.start_at, seat: hold.seat })
      }
    }
  } catch (e) {
    await releaseBookedSlots(container, { booked })
    throw e
  }
  return { booked }
}

export async function releaseBookedSlots(container: MedusaContainer, held: Held | undefined) {
  if (held?.booked?.length) await releaseRows(container, held.booked, "RELEASED", ["BOOKED"])
}

registerServiceSlotHolder({
  name: "booking",
  hold: (container, cartId) => bookCartSlots(container, cartId),
  release: (container, held) => releaseBookedSlots(container, held as Held),
})
