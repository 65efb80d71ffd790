import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { orderLinkUrl } from "../../../lib/orders/order-link"
import { storefrontUrl } from "../../../lib/notifications/locale"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch, Message } from "../types"
import { buyerOf, merchantRecipients, orderFacts } from "./shared"

/** Buyer: the order with its signed link (works for guests). Each merchant: its own new lines. */
export const buildOrderPlacedStep = createStep("build-order-placed-notifications", async (input: { order_id: string }, { container }) => {
  const batch: Batch = { event_name: "order.placed", event_id: `order.placed:${input.order_id}`, messages: [] }
  const order = await orderFacts(container, input.order_id)
  if (!order) return new StepResponse(batch)
  const orderUrl = orderLinkUrl(order.id)
  batch.messages.push({
    type: "ORDER_PLACED", template: "order-placed", recipients: [buyerOf(order)],
    data: { display_id: order.display_id, order_url: orderUrl, currency_code: order.currency_code, items: order.items,
      shipping_minor: order.shipping_minor, total_minor: order.total_minor },
  })
  const lines: any[] = await (container.resolve(ORDER_LINES_MODULE) as any).listOrderLines({ order_id: order.id })
  const byMerchant = new Map<string, string[]>()
  for (const l of lines) if (l.merchant_id) byMerchant.set(l.merchant_id, [...(byMerchant.get(l.merchant_id) ?? []), l.line_item_id])
  for (const [merchantId, itemIds] of byMerchant) {
    const merchant = await merchantRecipients(container, merchantId)
    if (!merchant) continue
    // The merchant's lines named in each member's language, not the buyer's: one message per language.
    const byLocale = new Map<string, typeof merchant.recipients>()
    for (const r of merchant.recipients) byLocale.set(r.locale, [...(byLocale.get(r.locale) ?? []), r])
    for (const [merchantLocale, recipients] of byLocale) {
      const items = merchantLocale !== order.locale ? (await orderFacts(container, order.id, merchantLocale as typeof order.locale))?.items ?? order.items : order.items
      const message: Message = {
        type: "MERCHANT_NEW_ORDER_LINES", template: "merchant-new-order-lines", recipients,
        data: { display_id: order.display_id, merchant_name: merchant.name, currency_code: order.currency_code,
          items: items.filter((i) => itemIds.includes(i.id)), portal_url: `${storefrontUrl()}/merchant?order=${order.id}` },
      }
      batch.messages.push(message)
    }
  }
  return new StepResponse(batch)
})

export const notifyOrderPlacedWorkflow = notificationWorkflow("notify-order-placed", buildOrderPlacedStep)
