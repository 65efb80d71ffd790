import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { lineQuantity } from "../../lib/order-items"
import {
  acquireStockLocks, creditOf, listHolds, listLevels, loadStockNeeds, outOfStock, placeNeeds, releaseStockLocks,
  salesChannelLocationIds, stockLockKeys, uniqueSorted, withInventoryLock,
} from "./stock"

/**
 * Stock at cart completion (completeCartWorkflow, Medusa 2.21). Why hooks and not a replacement
 * of Medusa's reservation:
 *
 * completeCartWorkflow creates the order, then (in parallel with links, cart update, promotion
 * usage) runs `reserveInventoryStep` with input from `prepareConfirmInventoryInput`, which
 * reserves each line at `location_ids[0]`: the first sales-channel location with stock *in the cart
 * snapshot* (Medusa #15132/#14987), checking each line alone (#16502). The step cannot be given
 * other input or skipped, so we bracket it with the workflow's own hooks; both are steps of the
 * same workflow, so everything is rolled back with the order:
 *
 * 1. `validate` (claimCartStock): takes our `snail-stock:` lock on the cart's inventory items and
 *    keeps it (owner `checkout:<cart>`); checks that the cart's needs, summed per item and location,
 *    fit at the merchant's location counting the cart's own checkout holds (else 409 OUT_OF_STOCK,
 *    before any order exists); then deletes the holds. The freed stock is only visible to
 *    Medusa's reserveInventoryStep of *this* checkout: every other claim on stock (holds, other
 *    completions, the TTL job) waits for our lock.
 * 2. Medusa's reserveInventoryStep reserves (inside its own inventory-item lock).
 * 3. `beforePaymentAuthorization` (settleOrderReservations): moves any reservation Medusa put
 *    elsewhere to the merchant's location (create there, delete the other; the inventory module's
 *    update of location_id does not give back the old level's reserved quantity), checks
 *    reserved ≤ stocked on every level the order draws on, and releases our lock. So the hold
 *    becomes the order's reservation without ever being counted twice.
 * On any later failure (e.g. a declined card) the compensations delete the order's reservations
 * (Medusa's step and ours) and release the lock; the holds are not restored: the stock is free.
 */

export type StockClaim = { cart_id: string; owner: string; keys: string[] } | null

export const claimOwner = (cartId: string) => `checkout:${cartId}`

type CartSnapshot = { id: string; completed_at?: unknown; sales_channel_id?: string | null; items?: any[] }

export async function claimCartStock(container: MedusaContainer, cart: CartSnapshot): Promise<StockClaim> {
  if (!cart?.id || cart.completed_at) return null
  const items = cart.items ?? []
  const lineIds = items.map((i) => i.id)
  const [needs, channelLocations] = await Promise.all([loadStockNeeds(container, items), salesChannelLocationIds(container, cart.sales_channel_id)])
  // The same key set is recomputed by settleOrderReservations to release the lock.
  const inventoryItemIds = uniqueSorted(needs.map((n) => n.inventory_item_id))
  if (!inventoryItemIds.length) return null

  const owner = claimOwner(cart.id)
  const keys = stockLockKeys(inventoryItemIds)
  await acquireStockLocks(container, keys, owner)
  try {
    await withInventoryLock(container, inventoryItemIds, async () => {
      // Holds of items the cart no longer needs are left to the TTL job.
      const holds = (await listHolds(container, lineIds)).filter((h: any) => inventoryItemIds.includes(h.inventory_item_id))
      placeNeeds(needs, await listLevels(container, inventoryItemIds), channelLocations, creditOf(holds as any))
      if (holds.length) await container.resolve(Modules.INVENTORY).deleteReservationItems(holds.map((h: any) => h.id))
    })
  } catch (e) {
    await releaseStockLocks(container, keys, owner).catch(() => undefined)
    throw e
  }
  return { cart_id: cart.id, owner, keys }
}

/** Compensation of the claim (a later step failed): only the lock is given back, holds stay released. */
export async function releaseClaim(container: MedusaContainer, claim: StockClaim | undefined) {
  if (claim?.keys?.length) await releaseStockLocks(container, claim.keys, claim.owner).catch(() => undefined)
}

export async function settleOrderReservations(container: MedusaContainer, cartId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const inventory = container.resolve(Modules.INVENTORY)
  const created: string[] = []
  let lockIds: string[] = []
  let claimKeys: string[] = []
  try {
    const { data: carts } = await query.graph({ entity: "cart", fields: ["items.id", "items.variant_id", "items.quantity"], filters: { id: cartId } })
    claimKeys = stockLockKeys((await loadStockNeeds(container, (carts[0] as any)?.items ?? [])).map((n) => n.inventory_item_id))
    const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
    const orderId = (links[0] as any)?.order_id
    if (!orderId) return []
    const { data: orders } = await query.graph({
      entity: "order", fields: ["id", "items.id", "items.variant_id", "items.quantity", "items.detail.quantity", "items.title"], filters: { id: orderId },
    })
    // An order item's quantity lives on its detail right after placement (items.quantity reads null).
    const items = ((orders[0] as any)?.items ?? []).filter(Boolean).map((i: any) => ({ ...i, quantity: lineQuantity(i) }))
    if (!items.length) return []
    const needs = await loadStockNeeds(container, items)
    const reservations: any[] = await inventory.listReservationItems({ line_item_id: items.map((i: any) => i.id) })
    lockIds = uniqueSorted(reservations.map((r) => r.inventory_item_id))
    if (!lockIds.length) return []
    const needOf = (r: any) => needs.find((n) => n.line_item_id === r.line_item_id && n.inventory_item_id === r.inventory_item_id)

    await withInventoryLock(container, lockIds, async () => {
      const moves = reservations.filter((r) => {
        const target = needOf(r)?.merchant_location_id
        return target && target !== r.location_id
      })
      if (moves.length) {
        const made = await inventory.createReservationItems(
          moves.map((r) => ({
            line_item_id: r.line_item_id,
            inventory_item_id: r.inventory_item_id,
            location_id: needOf(r)!.merchant_location_id!,
            quantity: r.quantity,
            allow_backorder: r.allow_backorder,
            description: r.description ?? undefined,
            metadata: { ...(r.metadata ?? {}), moved_from_location_id: r.location_id },
          }))
        )
        created.push(...made.map((m: any) => m.id))
        await inventory.deleteReservationItems(moves.map((r) => r.id))
      }
      // Belt and braces for #16502/#16569: no level this order draws on may end up oversubscribed.
      const finalReservations: any[] = await inventory.listReservationItems({ line_item_id: items.map((i: any) => i.id) })
      const strict = new Set(finalReservations.filter((r) => !r.allow_backorder).map((r) => `${r.inventory_item_id}@${r.location_id}`))
      for (const level of await listLevels(container, lockIds)) {
        if (!strict.has(`${level.inventory_item_id}@${level.location_id}`)) continue
        if (MathBN.gt(level.reserved_quantity ?? 0, level.stocked_quantity ?? 0)) {
          const need = needs.find((n) => n.inventory_item_id === level.inventory_item_id) ?? { title: level.inventory_item_id }
          throw outOfStock(need, Number(level.reserved_quantity), Number(level.stocked_quantity))
        }
      }
    })
    return created
  } catch (e) {
    if (created.length) await undoSettle(container, created).catch(() => undefined)
    throw e
  } finally {
    // The stock decision is made: let the next checkout in (also on failure; compensation follows).
    await releaseStockLocks(container, claimKeys, claimOwner(cartId)).catch(() => undefined)
  }
}

/** Compensation of the settlement: our moved reservations go (Medusa's step deletes its own). */
export async function undoSettle(container: MedusaContainer, createdIds: string[] | undefined) {
  if (!createdIds?.length) return
  const inventory = container.resolve(Modules.INVENTORY)
  const existing: any[] = await inventory.listReservationItems({ id: createdIds })
  if (!existing.length) return
  await withInventoryLock(container, existing.map((r) => r.inventory_item_id), () => inventory.deleteReservationItems(existing.map((r) => r.id)))
}
