import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { toMajorString, toMinor } from "../../../lib/money"
import { LINE_AMOUNT_FIELDS, lineAmountMinor, orderItemAmounts } from "../../../lib/order-items"
import { SnailError } from "../../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"
import { sumMinor, uncapturedMinor } from "../../../lib/payments"

/**
 * Captures exactly this line's amount from the order's authorization. Medusa records the partial
 * capture; the sandbox PSP reads the amount from that capture record, so it captures exactly the
 * line (MEDUSA-NOTES: the stock Stripe provider would capture everything on the first call).
 * The order's shipping is captured with the first physical line that starts fulfilment (the goods
 * ship from then on); cancelled before that, it is never captured.
 */
export const captureLineStep = createStep("capture-order-line", async (input: { line_id: string; actor_id?: string | null }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const [line] = await lines.listOrderLines({ id: input.line_id })
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "items.id", ...LINE_AMOUNT_FIELDS,
      "shipping_methods.amount", "shipping_methods.is_tax_inclusive", "shipping_methods.adjustments.amount", "shipping_methods.tax_lines.rate",
      "payment_collections.payments.id", "payment_collections.payments.amount", "payment_collections.payments.data",
      "payment_collections.payments.captures.amount", "payment_collections.payments.canceled_at"],
    filters: { id: line.order_id },
  })
  const item = (order?.items ?? []).find((i: any) => i?.id === line.line_item_id) as any
  if (!item) throw new SnailError(404, "NOT_FOUND", `Line item ${line.line_item_id} not found`)
  const currency = order.currency_code
  // After the line's share of promotions and with its tax: never more than the buyer was charged for it.
  // A line captured early (before its authorization expired) has nothing left to capture.
  const itemTotal = orderItemAmounts((order.items ?? []).filter(Boolean) as any[], currency).get(item.id)!.total
  const lineMinor = Math.max(0, itemTotal - toMinor(line.captured_amount ?? 0, currency))
  const shippingMinor = line.kind === "PHYSICAL" ? await uncapturedShippingMinor(lines, order, currency) : 0
  const amountMinor = lineMinor + shippingMinor
  if (amountMinor === 0) return new StepResponse({ captured: 0 })

  const payments = (order.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? []).filter((p: any) => p && !p.canceled_at)
  const payment = payments.find((p: any) => uncapturedMinor(p, currency) >= amountMinor)
  if (!payment) throw new SnailError(422, "CAPTURE_FAILED", `No authorization left to capture ${toMajorString(amountMinor, currency)} ${currency.toUpperCase()}`)

  try {
    await capturePaymentWorkflow(container).run({
      input: { payment_id: payment.id, amount: toMajorString(amountMinor, currency), captured_by: input.actor_id ?? undefined },
    })
  } catch (e: any) {
    throw new SnailError(422, "CAPTURE_FAILED", `The capture of line ${line.id} failed: ${e?.message ?? e}`)
  }
  await lines.updateOrderLines({ id: line.id, captured_amount: toMajorString(toMinor(line.captured_amount ?? 0, currency) + lineMinor, currency) } as any)
  return new StepResponse({ captured: amountMinor, line_captured: lineMinor, shipping_captured: shippingMinor, payment_id: payment.id })
})

/**
 * Shipping not captured yet: everything captured on the order's payments minus what its lines
 * captured is what shipping already took (derived, so nothing can drift out of step).
 */
async function uncapturedShippingMinor(lines: OrderLinesModuleService, order: any, currency: string): Promise<number> {
  const shipping = (order.shipping_methods ?? []).filter(Boolean).reduce(
    (s: number, m: any) => s + lineAmountMinor({ unit_price: m.amount, quantity: 1, is_tax_inclusive: m.is_tax_inclusive, adjustments: m.adjustments, tax_lines: m.tax_lines }, currency),
    0
  )
  if (!shipping) return 0
  const capturedOnPayments = (order.payment_collections ?? [])
    .flatMap((pc: any) => pc?.payments ?? [])
    .reduce((s: number, p: any) => s + (p ? sumMinor(p.captures, currency) : 0), 0)
  const orderLines = await lines.listOrderLines({ order_id: order.id }, { select: ["captured_amount"] })
  const capturedByLines = orderLines.reduce((s, l) => s + toMinor((l.captured_amount as any) ?? 0, currency), 0)
  return Math.max(0, shipping - Math.max(0, capturedOnPayments - capturedByLines))
}

