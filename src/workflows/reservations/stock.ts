import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { SnailError } from "../../lib/snail-error"

/**
 * Stock reservation at the merchant's own location, under Medusa's locking module
 * (DESIGN.md §4, issue #4 point 6). Shared by the checkout hold (payment session creation),
 * the cart completion hooks and the stale-hold job.
 *
 * Two kinds of lock keys are used, always taken in this order:
 * - `snail-stock:<inventory_item_id>`: ours. Taken by every path that decides who gets stock
 *   (hold creation, cart completion, the TTL job). Cart completion keeps it from its `validate`
 *   hook until its `beforePaymentAuthorization` hook, i.e. across Medusa's reserveInventoryStep,
 *   so that the hold it gives up right before that step cannot be taken by anyone else.
 * - `<inventory_item_id>`: Medusa's own key (reserveInventoryStep, order edits…). Every change of
 *   reservation items happens inside it, because the inventory module updates
 *   `reserved_quantity` by read-modify-write (Medusa #16569: outside the lock it oversubscribes).
 */

/** Marks a reservation item as a checkout hold (line_item_id is then the *cart* line item id). */
export const HOLD_DESCRIPTION = "checkout-hold"
export const DEFAULT_RESERVATION_TTL_MS = 15 * 60 * 1000

export function reservationTtlMs(env: NodeJS.ProcessEnv = process.env): number {
  const ttl = Number(env.CHECKOUT_RESERVATION_TTL_MS)
  return Number.isFinite(ttl) && ttl > 0 ? ttl : DEFAULT_RESERVATION_TTL_MS
}

/** One inventory item a cart/order line draws on. */
export type StockNeed = {
  line_item_id: string
  variant_id: string
  title: string
  inventory_item_id: string
  quantity: number
  allow_backorder: boolean
  /** The product merchant's own stock location, when the merchant stocks this item there. */
  merchant_location_id: string | null
}

export type StockLevel = { inventory_item_id: string; location_id: string; stocked_quantity: any; reserved_quantity: any }
export type PlacedNeed = StockNeed & { location_id: string }

type Line = { id: string; variant_id?: string | null; quantity: any; title?: string | null }

/**
 * What the lines need, per inventory item, and where the merchant keeps it. Variants without
 * managed inventory (services, courses, unlimited goods) need nothing.
 */
export async function loadStockNeeds(container: MedusaContainer, lines: Line[]): Promise<StockNeed[]> {
  const variantIds = [...new Set(lines.map((l) => l.variant_id).filter(Boolean))] as string[]
  if (!variantIds.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: [
      "id", "title", "manage_inventory", "allow_backorder", "product.title",
      "inventory_items.inventory_item_id", "inventory_items.required_quantity",
      "inventory_items.inventory.location_levels.location_id",
      "product.merchant.id", "product.merchant.stock_location.id",
    ],
    filters: { id: variantIds },
  })
  const byId = new Map(variants.map((v: any) => [v.id, v]))
  const needs: StockNeed[] = []
  for (const line of lines) {
    const v: any = byId.get(line.variant_id as string)
    if (!v?.manage_inventory) continue
    const merchantLocation: string | null = v.product?.merchant?.stock_location?.id ?? null
    for (const link of v.inventory_items ?? []) {
      if (!link?.inventory_item_id) continue
      const stockedThere = (link.inventory?.location_levels ?? []).some((l: any) => l?.location_id === merchantLocation)
      needs.push({
        line_item_id: line.id,
        variant_id: v.id,
        title: line.title || v.product?.title || v.title || v.id,
        inventory_item_id: link.inventory_item_id,
        quantity: Number(MathBN.mult(link.required_quantity ?? 1, line.quantity)),
        allow_backorder: !!v.allow_backorder,
        merchant_location_id: merchantLocation && stockedThere ? merchantLocation : null,
      })
    }
  }
  return needs
}

export async function salesChannelLocationIds(container: MedusaContainer, salesChannelId?: string | null): Promise<string[]> {
  if (!salesChannelId) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "sales_channel", fields: ["stock_locations.id"], filters: { id: salesChannelId } })
  return ((data[0] as any)?.stock_locations ?? []).map((l: any) => l?.id).filter(Boolean)
}

const levelKey = (inventoryItemId: string, locationId: string) => `${inventoryItemId}@${locationId}`

/**
 * Decides where each need is reserved and checks, summed per inventory item and location, that the
 * stock is there (Medusa #16502 checks each line alone, so two lines on one item could oversell).
 * `credit` is stock this cart already holds (its own checkout holds, about to be replaced).
 * Merchant products go to the merchant's location; platform products (or a merchant not stocking
 * the item at its location) to the sales channel location with the most stock for the item.
 * Throws 409 OUT_OF_STOCK.
 */
export function placeNeeds(
  needs: StockNeed[],
  levels: StockLevel[],
  channelLocationIds: string[],
  credit: Map<string, number> = new Map()
): PlacedNeed[] {
  const available = new Map<string, number>()
  for (const l of levels) {
    const key = levelKey(l.inventory_item_id, l.location_id)
    available.set(key, Number(MathBN.sub(l.stocked_quantity ?? 0, l.reserved_quantity ?? 0)) + (credit.get(key) ?? 0))
  }
  const placed: PlacedNeed[] = needs.map((need) => {
    if (need.merchant_location_id) return { ...need, location_id: need.merchant_location_id }
    const candidates = channelLocationIds.filter((loc) => available.has(levelKey(need.inventory_item_id, loc)))
    const best = candidates.sort((a, b) => available.get(levelKey(need.inventory_item_id, b))! - available.get(levelKey(need.inventory_item_id, a))!)[0]
    if (!best) throw outOfStock(need, need.quantity, 0)
    return { ...need, location_id: best }
  })
  const wanted = new Map<string, { need: PlacedNeed; quantity: number }>()
  for (const p of placed) {
    if (p.allow_backorder) continue
    const key = levelKey(p.inventory_item_id, p.location_id)
    const entry = wanted.get(key) ?? { need: p, quantity: 0 }
    entry.quantity += p.quantity
    wanted.set(key, entry)
  }
  for (const [key, { need, quantity }] of wanted) {
    const have = available.get(key) ?? 0
    if (quantity > have) throw outOfStock(need, quantity, Math.max(have, 0))
  }
  return placed
}

export function outOfStock(need: { title: string }, requested: number, available: number) {
  return new SnailError(409, "OUT_OF_STOCK", `'${need.title}' is out of stock: ${requested} requested, ${available} available`)
}

export async function listLevels(container: MedusaContainer, inventoryItemIds: string[]): Promise<StockLevel[]> {
  if (!inventoryItemIds.length) return []
  const inventory = container.resolve(Modules.INVENTORY)
  return (await inventory.listInventoryLevels({ inventory_item_id: inventoryItemIds })) as any
}

export async function listHolds(container: MedusaContainer, cartLineItemIds: string[]) {
  if (!cartLineItemIds.length) return []
  const inventory = container.resolve(Modules.INVENTORY)
  return inventory.listReservationItems({ line_item_id: cartLineItemIds, description: HOLD_DESCRIPTION } as any)
}

export function creditOf(holds: { inventory_item_id: string; location_id: string; quantity: any }[]) {
  const credit = new Map<string, number>()
  for (const h of holds) {
    const key = levelKey(h.inventory_item_id, h.location_id)
    credit.set(key, (credit.get(key) ?? 0) + Number(h.quantity))
  }
  return credit
}

// ---------------------------------------------------------------------------------------------
// Locks

const STOCK_LOCK_PREFIX = "snail-stock:"
/** How long a waiting checkout keeps trying for the stock lock, and how long a held one lives. */
export const STOCK_LOCK_WAIT_MS = 45_000
export const STOCK_LOCK_EXPIRE_S = 60

export const uniqueSorted = (ids: string[]) => [...new Set(ids)].sort()
export const stockLockKeys = (inventoryItemIds: string[]) => uniqueSorted(inventoryItemIds).map((id) => STOCK_LOCK_PREFIX + id)

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Takes our stock keys for `ownerId`, one at a time in sorted order (no deadlock between two
 * checkouts on overlapping items), polling while another owner has them. Re-entrant per owner.
 * Held across workflow steps, so it expires on its own if the process dies.
 */
export async function acquireStockLocks(container: MedusaContainer, keys: string[], ownerId: string, waitMs = STOCK_LOCK_WAIT_MS) {
  const locking = container.resolve(Modules.LOCKING)
  const deadline = Date.now() + waitMs
  const taken: string[] = []
  for (const key of keys) {
    let delay = 5
    for (;;) {
      try {
        await locking.acquire(key, { ownerId, expire: STOCK_LOCK_EXPIRE_S })
        taken.push(key)
        break
      } catch (e) {
        if (Date.now() >= deadline) {
          if (taken.length) await locking.release(taken, { ownerId }).catch(() => undefined)
          throw new SnailError(409, "CONFLICT", "The stock for this checkout is busy; retry in a moment")
        }
        await sleep(delay * (0.5 + Math.random()))
        delay = Math.min(delay * 2, 100)
      }
    }
  }
}

export async function releaseStockLocks(container: MedusaContainer, keys: string[], ownerId: string) {
  if (!keys.length) return
  await container.resolve(Modules.LOCKING).release(keys, { ownerId })
}

/** Runs `job` holding our stock keys (fresh owner) and then Medusa's inventory item keys. */
export async function withStockLocks<T>(container: MedusaContainer, inventoryItemIds: string[], job: () => Promise<T>, waitMs = STOCK_LOCK_WAIT_MS): Promise<T> {
  const keys = stockLockKeys(inventoryItemIds)
  const owner = `stock:${randomUUID()}`
  await acquireStockLocks(container, keys, owner, waitMs)
  try {
    return await withInventoryLock(container, inventoryItemIds, job)
  } finally {
    await releaseStockLocks(container, keys, owner).catch(() => undefined)
  }
}

/** Medusa's own lock around reservation changes (the same keys reserveInventoryStep uses). */
export async function withInventoryLock<T>(container: MedusaContainer, inventoryItemIds: string[], job: () => Promise<T>): Promise<T> {
  const ids = uniqueSorted(inventoryItemIds)
  if (!ids.length) return job()
  return container.resolve(Modules.LOCKING).execute(ids, job, { timeout: 30 })
}
