import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  creditOf, HOLD_DESCRIPTION, listLevels, loadStockNeeds, placeNeeds, reservationTtlMs,
  salesChannelLocationIds, withStockLocks,
} from "./stock"

export type CheckoutHold = { id: string; line_item_id: string; inventory_item_id: string; location_id: string; quantity: number }

/**
 * "Checkout starts" = the buyer opens a payment session for the cart (POST
 * /store/payment-collections/:id/payment-sessions, see ./routes.ts). From then on the cart's
 * physical stock is held for it as reservation items at the merchant's location:
 * `line_item_id` = the cart line item, `description` = "checkout-hold",
 * `metadata` = { checkout_hold, cart_id, expires_at }. Calling it again (new session, changed
 * cart) replaces the cart's holds and restarts the TTL. Throws 409 OUT_OF_STOCK.
 * Completion turns the holds into the order's reservations (complete-cart-stock.ts); the job
 * release-stale-reservations deletes holds older than the TTL.
 */
export async function holdCartStock(container: MedusaContainer, cartId: string, now = new Date()): Promise<CheckoutHold[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "sales_channel_id", "items.id", "items.variant_id", "items.quantity", "items.title"],
    filters: { id: cartId },
  })
  const cart: any = carts[0]
  if (!cart || cart.completed_at) return []
  const lineIds = (cart.items ?? []).map((i: any) => i.id)
  const [needs, channelLocations] = await Promise.all([
    loadStockNeeds(container, cart.items ?? []),
    salesChannelLocationIds(container, cart.sales_channel_id),
  ])
  const inventory = container.resolve(Modules.INVENTORY)
  // Every hold of this cart is replaced, also those of lines removed from the cart since.
  const cartHolds = async () => (await inventory.listReservationItems({ description: HOLD_DESCRIPTION } as any))
    .filter((r: any) => r.metadata?.cart_id === cartId || lineIds.includes(r.line_item_id))
  const before = await cartHolds()
  if (!needs.length && !before.length) return []
  const inventoryItemIds = [...needs.map((n) => n.inventory_item_id), ...before.map((h: any) => h.inventory_item_id)]

  return withStockLocks(container, inventoryItemIds, async () => {
    const ownHolds = (await cartHolds()).filter((h: any) => inventoryItemIds.includes(h.inventory_item_id))
    const placed = placeNeeds(needs, await listLevels(container, inventoryItemIds), channelLocations, creditOf(ownHolds as any))
    if (ownHolds.length) await inventory.deleteReservationItems(ownHolds.map((h: any) => h.id))
    if (!placed.length) return []
    const expires_at = new Date(now.getTime() + reservationTtlMs()).toISOString()
    const created = await inventory.createReservationItems(
      placed.map((p) => ({
        line_item_id: p.line_item_id,
        inventory_item_id: p.inventory_item_id,
        location_id: p.location_id,
        quantity: p.quantity,
        allow_backorder: p.allow_backorder,
        description: HOLD_DESCRIPTION,
        metadata: { checkout_hold: true, cart_id: cartId, expires_at },
      }))
    )
    return created.map((r: any) => ({
      id: r.id, line_item_id: r.line_item_id, inventory_item_id: r.inventory_item_id, location_id: r.location_id, quantity: Number(r.quantity),
    }))
  })
}
