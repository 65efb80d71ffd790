import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { toMajorString } from "../../../lib/money"
import { LINE_AMOUNT_FIELDS, lineQuantity, orderItemAmounts } from "../../../lib/order-items"

const ORDER_FIELDS = [
  "id", "display_id", "created_at", "status", "currency_code", "email",
  "shipping_address.first_name", "shipping_address.last_name", "shipping_address.address_1", "shipping_address.address_2",
  "shipping_address.city", "shipping_address.postal_code", "shipping_address.province", "shipping_address.country_code",
  "shipping_address.phone",
  "items.id", "items.title", "items.subtitle", "items.product_id", "items.variant_id", "items.variant_sku",
  "items.thumbnail", ...LINE_AMOUNT_FIELDS,
]

/**
 * A merchant's view of orders: its own lines only, totals over those lines, and the shipping
 * details needed to fulfil — never another merchant's lines or the order's grand total.
 */
export async function listScopedOrders(scope: MedusaContainer, merchantId: string, opts: { ids?: string[]; limit: number; offset: number }) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "merchant", fields: ["orders.id", "products.id"], filters: { id: merchantId } })
  let orderIds: string[] = (data[0]?.orders ?? []).filter(Boolean).map((o: any) => o.id)
  const productIds = new Set<string>((data[0]?.products ?? []).filter(Boolean).map((p: any) => p.id))
  if (opts.ids) orderIds = orderIds.filter((id) => opts.ids!.includes(id))
  if (!orderIds.length) return { orders: [], count: 0 }

  const { data: orders, metadata } = await query.graph({
    entity: "order",
    fields: ORDER_FIELDS,
    filters: { id: orderIds },
    pagination: { skip: opts.offset, take: opts.limit, order: { created_at: "DESC" } },
  })
  return { orders: orders.map((o: any) => scopeOrder(o, productIds)), count: metadata?.count ?? orders.length }
}

function scopeOrder(order: any, productIds: Set<string>) {
  const items = (order.items ?? []).filter((i: any) => i && productIds.has(i.product_id))
  // What the buyer pays for each of the merchant's lines: after promotions, with tax.
  const amounts = orderItemAmounts((order.items ?? []).filter(Boolean), order.currency_code)
  const lineSubtotal = (i: any) => amounts.get(i.id)!.total
  const subtotalMinor = items.reduce((sum: number, i: any) => sum + lineSubtotal(i), 0)
  return {
    id: order.id,
    display_id: order.display_id,
    created_at: order.created_at,
    status: order.status,
    currency_code: order.currency_code,
    email: order.email,
    shipping_address: order.shipping_address ?? null,
    items: items.map((i: any) => ({
      id: i.id, title: i.title, subtitle: i.subtitle, product_id: i.product_id, variant_id: i.variant_id,
      variant_sku: i.variant_sku, quantity: lineQuantity(i), unit_price: i.unit_price, thumbnail: i.thumbnail,
      subtotal: toMajorString(lineSubtotal(i), order.currency_code),
    })),
    merchant_subtotal: toMajorString(subtotalMinor, order.currency_code),
    merchant_subtotal_minor: subtotalMinor,
  }
}
