import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { onOrderPlacedWorkflow } from "../../workflows/order-lines/on-order-placed"

type Container = ExecArgs["container"]

// Mixed demo orders (several merchants in one checkout) so merchant order views have something to show.
const DEMO_ORDERS = [
  { email: "anna@buyer.local", skus: ["MUG-350", "COURSE-TS"] },
  { email: "omar@buyer.local", skus: ["SVC-YOGA-60", "COURSE-BREAD", "NOTEBOOK-SAND"] },
]

export async function seedDemoOrders(container: Container, opts: { regionId: string; salesChannelId: string }) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  for (const demo of DEMO_ORDERS) {
    const { data: variants } = await query.graph({
      entity: "product_variant",
      fields: ["id", "title", "sku", "product.title", "prices.amount", "prices.currency_code"],
      filters: { sku: demo.skus },
    })
    const { result: order } = await createOrderWorkflow(container).run({
      input: {
        region_id: opts.regionId,
        sales_channel_id: opts.salesChannelId,
        currency_code: "eur",
        email: demo.email,
        shipping_address: { first_name: demo.email.split("@")[0], last_name: "Demo", address_1: "Unter den Linden 1", city: "Berlin", postal_code: "10117", country_code: "de" },
        items: variants.map((v: any) => ({
          variant_id: v.id,
          title: v.product?.title ?? v.title,
          quantity: 1,
          unit_price: v.prices.find((p: any) => p.currency_code === "eur")?.amount ?? 0,
        })),
      } as any,
    })
    await onOrderPlacedWorkflow(container).run({ input: { order_id: order.id } })
  }
}
