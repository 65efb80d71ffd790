import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { toMajorString, toMinor } from "../../../lib/money"
import { LINE_AMOUNT_FIELDS, lineAmountMinor } from "../../../lib/order-items"
import { SnailError } from "../../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"

/**
 * Captures exactly this line's amount from the order's authorization. Medusa records the partial
 * capture; the sandbox PSP reads the amount from that capture record, so it captures exactly the
 * line (MEDUSA-NOTES: the stock Stripe provider would capture everything on the first call).
 */
export const captureLineStep = createStep("capture-order-line", async (input: { line_id: string; actor_id?: string | null }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const [line] = await lines.listOrderLines({ id: input.line_id })
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "items.id", ...LINE_AMOUNT_FIELDS,
      "payment_collections.payments.id", "payment_collections.payments.amount", "payment_collections.payments.data",
      "payment_collections.payments.captures.amount", "payment_collections.payments.canceled_at"],
    filters: { id: line.order_id },
  })
  const item = (order?.items ?? []).find((i: any) => i?.id === line.line_item_id) as any
  if (!item) throw new SnailError(404, "NOT_FOUND", `Line item ${line.line_item_id} not found`)
  const currency = order.currency_code
  // After the line's share of promotions and with its tax: never more than the buyer was charged for it.
  const amountMinor = lineAmountMinor(item, currency)
  if (amountMinor === 0) return new StepResponse({ captured: 0 })

  const payments = (order.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? []).filter((p: any) => p && !p.canceled_at)
  const payment = payments.find((p: any) => {
    const captured = (p.captures ?? []).reduce((s: number, c: any) => s + toMinor(c.amount, currency), 0)
    return toMinor(p.amount, currency) - captured >= amountMinor
  })
  if (!payment) throw new SnailError(422, "CAPTURE_FAILED", `No authorization left to capture ${toMajorString(amountMinor, currency)} ${currency.toUpperCase()}`)

  try {
    await capturePaymentWorkflow(container).run({
      input: { payment_id: payment.id, amount: toMajorString(amountMinor, currency), captured_by: input.actor_id ?? undefined },
    })
  } catch (e: any) {
    throw new SnailError(422, "CAPTURE_FAILED", `The capture of line ${line.id} failed: ${e?.message ?? e}`)
  }
  await lines.updateOrderLines({ id: line.id, captured_amount: toMajorString(toMinor(line.captured_amount ?? 0, currency) + amountMinor, currency) } as any)
  return new StepResponse({ captured: amountMinor, payment_id: payment.id })
})

