import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { toMajorString, toMinor } from "../../../lib/money"
import { lineQuantity } from "../../../lib/order-items"
import { SnailError } from "../../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"
import { sumMinor } from "../../../lib/payments"

export type RefundLineInput = {
  line_id: string
  /** Major units (Medusa's boundary); default: everything captured and not yet refunded. */
  amount?: number | string
  reason: string
  restock?: boolean
  actor_type: "buyer" | "merchant" | "operator" | "system"
  actor_id?: string | null
  /** When true, a line with nothing captured is a no-op instead of an error (cancel of an uncaptured line). */
  allow_nothing?: boolean
}

/**
 * Refunds part or all of what was captured for one line, against the payment that holds the
 * capture. Medusa books the refund with a credit line naming the line, so the order summary stays
 * true. Never more than captured − already refunded for this line.
 */
export const refundLineStep = createStep("refund-order-line", async (input: RefundLineInput, { container }) => {
  const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [line] = await lines.listOrderLines({ id: input.line_id })
  if (!line) throw new SnailError(404, "NOT_FOUND", `Order line ${input.line_id} not found`)
  if (line.state === "CLOSED") throw new SnailError(409, "INVALID_TRANSITION", "A closed line cannot be refunded")
  const currency = line.currency_code
  const refundable = toMinor(line.captured_amount ?? 0, currency) - toMinor(line.refunded_amount ?? 0, currency)
  if (refundable <= 0) {
    if (input.allow_nothing) return new StepResponse({ refunded: 0 })
    throw new SnailError(422, "NOTHING_TO_REFUND", "Nothing has been captured for this line (cancel it instead: the authorization is never captured)")
  }
  const amount = input.amount === undefined ? refundable : toMinor(input.amount, currency, "reject")
  if (amount <= 0) throw new SnailError(400, "INVALID_FIELD", "The refund amount must be positive", "amount")
  if (amount > refundable) {
    throw new SnailError(422, "REFUND_EXCEEDS_CAPTURED", `At most ${toMajorString(refundable, currency)} ${currency.toUpperCase()} can be refunded for this line`, "amount")
  }

  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "items.id", "items.title", "items.variant_id", "items.quantity", "items.detail.quantity",
      "payment_collections.payments.id", "payment_collections.payments.captures.amount", "payment_collections.payments.refunds.amount"],
    filters: { id: line.order_id },
  })
  const payments = (order?.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? []).filter(Boolean)
  const payment = payments.find((p: any) => {
    return sumMinor(p.captures, currency) - sumMinor(p.refunds, currency) >= amount
  })
  if (!payment) throw new SnailError(422, "REFUND_EXCEEDS_CAPTURED", "No payment holds enough captured money for this refund")
  const item = (order.items ?? []).find((i: any) => i?.id === line.line_item_id) as any

  await refundPaymentWorkflow(container).run({
    input: {
      payment_id: payment.id,
      amount: toMajorString(amount, currency),
      created_by: input.actor_id ?? undefined,
      note: `Refund of line "${item?.title ?? line.line_item_id}" (${line.id}): ${input.reason}`,
    } as any,
  })
  await lines.updateOrderLines({ id: line.id, refunded_amount: toMajorString(toMinor(line.refunded_amount ?? 0, currency) + amount, currency) } as any)
  const recorded: any = await lines.createOrderLineTransitions({
    line_id: line.id, transition: "refund", from_state: line.state, to_state: line.state,
    actor_type: input.actor_type, actor_id: input.actor_id ?? null, reason: input.reason,
    data: { amount: toMajorString(amount, currency), currency_code: currency, restock: !!input.restock },
  } as any)

  if (input.restock && line.kind === "PHYSICAL" && item?.variant_id) {
    await restock(container, line.merchant_id, item.variant_id, lineQuantity(item))
  }
  // refund_id (the history row) names this refund for subscribers, e.g. one fiscal refund receipt per refund.
  return new StepResponse({ refunded: amount, payment_id: payment.id, refund_id: recorded?.id as string | undefined })
})

// Puts the line's units back at the merchant's location (or the item's first location).
async function restock(container: any, merchantId: string | null, variantId: string, quantity: number) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [variant] } = await query.graph({
    entity: "product_variant",
    fields: ["inventory_items.inventory_item_id", "inventory_items.inventory.location_levels.location_id"],
    filters: { id: variantId },
  })
  const link = variant?.inventory_items?.[0]
  if (!link) return
  let locationId: string | undefined
  if (merchantId) {
    const { data: [m] } = await query.graph({ entity: "merchant", fields: ["stock_location.id"], filters: { id: merchantId } })
    locationId = m?.stock_location?.id
  }
  const levels = (link.inventory?.location_levels ?? []).filter(Boolean).map((l: any) => l.location_id)
  if (!locationId || !levels.includes(locationId)) locationId = levels[0]
  if (!locationId) return
  await container.resolve(Modules.INVENTORY).adjustInventory(link.inventory_item_id, locationId, quantity)
}
