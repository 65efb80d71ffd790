import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { adminHeaders, storefrontAccess } from "./admin"
import type { Headers } from "./merchants"

export type Outcome = { ok: true; status: number; data: any } | { ok: false; status: number; data: any }

/** What a checkout test starts from: a signed-in platform admin and the storefront's headers and sales channel. */
export async function checkoutActors(container: MedusaContainer, api: any): Promise<{ admin: Headers; store: Headers; salesChannelId: string }> {
  const admin = await adminHeaders(container, api)
  const { storeHeaders: store, salesChannelId } = await storefrontAccess(container)
  return { admin, store, salesChannelId }
}

/** Settles a request into its status and body instead of throwing on 4xx/5xx. */
export async function outcome(promise: Promise<any>): Promise<Outcome> {
  try {
    const res = await promise
    return { ok: true, status: res.status, data: res.data }
  } catch (e: any) {
    if (!e.response) throw e
    return { ok: false, status: e.response.status, data: e.response.data }
  }
}

/** A published physical product of `merchantId` (admin API), in the storefront's sales channel. */
export async function physicalProduct(api: any, admin: Headers, salesChannelId: string, merchantId: string | undefined, title: string, variants = ["Default"]) {
  const product = (await api.post("/admin/products", {
    title, status: "published", options: [{ title: "Format", values: variants }],
    variants: variants.map((v) => ({ title: v, options: { Format: v }, manage_inventory: true, prices: [{ currency_code: "eur", amount: 10 }] })),
    sales_channels: [{ id: salesChannelId }],
    additional_data: merchantId ? { merchant_id: merchantId, kind: "PHYSICAL" } : { kind: "PHYSICAL" },
  }, admin)).data.product
  return product
}

export async function inventoryItemOf(container: MedusaContainer, variantId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["inventory_items.inventory_item_id"], filters: { id: variantId } })
  return (data[0] as any).inventory_items[0].inventory_item_id
}

export async function merchantLocationOf(container: MedusaContainer, merchantId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "merchant", fields: ["stock_location.id"], filters: { id: merchantId } })
  return (data[0] as any).stock_location.id
}

/** Sets the merchant's stock for a variant through the merchant API (at the merchant's location). */
export async function setStock(api: any, owner: Headers, productId: string, variantId: string, stocked_quantity: number) {
  await api.post(`/merchant/products/${productId}/variants/${variantId}/inventory`, { stocked_quantity }, owner)
}

/** Every level of an inventory item, keyed by location: { stocked, reserved }. */
export async function levelsOf(container: MedusaContainer, inventoryItemId: string) {
  const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: inventoryItemId })
  return Object.fromEntries(levels.map((l: any) => [l.location_id, { stocked: Number(l.stocked_quantity), reserved: Number(l.reserved_quantity) }]))
}

export async function reservationsOf(container: MedusaContainer, inventoryItemId: string) {
  return (await container.resolve(Modules.INVENTORY).listReservationItems({ inventory_item_id: inventoryItemId })) as any[]
}

/** A guest cart of its own buyer (email) in the storefront's channel holding `items`. */
export async function cartWith(api: any, store: Headers, regionId: string, email: string, items: { variant_id: string; quantity: number }[]) {
  const cart = (await api.post("/store/carts", { region_id: regionId, email, items }, store)).data.cart
  return cart.id as string
}

/** `count` carts of distinct buyers, created a few at a time (cart creation is the slow part). */
export async function manyCarts(api: any, store: Headers, regionId: string, prefix: string, count: number, items: { variant_id: string; quantity: number }[], parallel = 10) {
  const ids: string[] = []
  for (let i = 0; i < count; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - i) }, (_, j) => cartWith(api, store, regionId, `${prefix}${i + j}@test.local`, items))
    ids.push(...(await Promise.all(batch)))
  }
  return ids
}

/** Checkout as the storefront does it: payment collection, payment session (checkout starts: stock is held). */
export async function startCheckout(api: any, store: Headers, cartId: string, provider_id = "pp_system_default", data?: Record<string, unknown>) {
  const pc = (await api.post("/store/payment-collections", { cart_id: cartId }, store)).data.payment_collection
  await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id, ...(data ? { data } : {}) }, store)
  return pc.id as string
}

export async function completeCart(api: any, store: Headers, cartId: string) {
  return api.post(`/store/carts/${cartId}/complete`, {}, store)
}

export async function countOrders(container: MedusaContainer) {
  const [, count] = await container.resolve(Modules.ORDER).listAndCountOrders({}, { select: ["id"] })
  return count
}
