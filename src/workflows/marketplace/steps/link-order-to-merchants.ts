import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"

/** Links an order to every merchant whose products it contains (the merchant's scoped order list). */
export const linkOrderToMerchantsStep = createStep(
  "link-order-to-merchants",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({ entity: "order", fields: ["id", "items.product_id", "merchants.id"], filters: { id: input.order_id } })
    const order = orders[0]
    if (!order) return new StepResponse([], [])
    const productIds = [...new Set((order.items ?? []).map((i: any) => i?.product_id).filter(Boolean))] as string[]
    if (!productIds.length) return new StepResponse([], [])
    const { data: products } = await query.graph({ entity: "product", fields: ["id", "merchant.id"], filters: { id: productIds } })
    const already = new Set((order.merchants ?? []).filter(Boolean).map((m: any) => m.id))
    const merchantIds = [...new Set(products.map((p: any) => p.merchant?.id).filter(Boolean))].filter((id) => !already.has(id)) as string[]
    const links = merchantIds.map((merchant_id) => ({
      [MARKETPLACE_MODULE]: { merchant_id },
      [Modules.ORDER]: { order_id: order.id },
    }))
    if (links.length) await container.resolve(ContainerRegistrationKeys.LINK).create(links)
    return new StepResponse(merchantIds, links)
  },
  async (links, { container }) => {
    if (links?.length) await container.resolve(ContainerRegistrationKeys.LINK).dismiss(links)
  }
)
