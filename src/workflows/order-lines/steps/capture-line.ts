import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { faultPoint } from "../../../lib/faults/fault-points"
import { toMajorString, toMinor } from "../../../lib/money"
import { LINE_AMOUNT_FIELDS, orderItemAmounts, shippingTotalMinor } from "../../../lib/order-items"
import { uncapturedMinor } from "../../../lib/payments"
import { SnailError } from "../../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"
import { driveOperation, journalOperation, operationFailure, settleOpenOperations } from "../payment-operations"
import { assertManualPaymentReceived } from "../manual-payment"

/** The move a capture serves, kept with its operation so a recovery can finish the move. */
export type ServedMove = { line_id: string; from: string; to: string; actor_type: string; actor_id?: string | null; reason?: string | null; carrier?: string | null; tracking_number?: string | null }

/**
 * Captures what is left to capture of this line (after its share of promotions, with its tax) from
 * the order's authorization, as a journaled payment operation. The caller holds the order's money
 * lock (lockOrderMoneyStep), so "what is left" cannot change under it; open operations of the order
 * are settled first, so a capture that timed out earlier is finished, never sent twice.
 * The order's shipping is captured with the first physical line that starts fulfilment.
 */
export const captureLineStep = createStep(
  "capture-order-line",
  async (input: { line_id: string; actor_id?: string | null; move?: ServedMove | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
    const [before] = await lines.listOrderLines({ id: input.line_id })
    if (!before) throw new SnailError(404, "NOT_FOUND", `Order line ${input.line_id} not found`)
    await settleOpenOperations(container, before.order_id)
    const [line] = await lines.listOrderLines({ id: input.line_id })
    const { data: [order] } = await query.graph({
      entity: "order",
      fields: ["id", "currency_code", "items.id", ...LINE_AMOUNT_FIELDS,
        "shipping_methods.amount", "shipping_methods.is_tax_inclusive", "shipping_methods.adjustments.amount", "shipping_methods.adjustments.version", "shipping_methods.tax_lines.rate",
        "payment_collections.payments.id", "payment_collections.payments.amount", "payment_collections.payments.canceled_at",
        "payment_collections.payments.captures.amount"],
      filters: { id: line.order_id },
    })
    const item = (order?.items ?? []).find((i: any) => i?.id === line.line_item_id) as any
    if (!item) throw new SnailError(404, "NOT_FOUND", `Line item ${line.line_item_id} not found`)
    const currency = order.currency_code
    // A line captured early (before its authorization expired) has nothing left to capture.
    const itemTotal = orderItemAmounts((order.items ?? []).filter(Boolean) as any[], currency).get(item.id)!.total
    let lineMinor = Math.max(0, itemTotal - toMinor(line.captured_amount ?? 0, currency))
    const shippingMinor = line.kind === "PHYSICAL" ? Math.max(0, shippingTotalMinor(order.shipping_methods, currency) - (await lines.capturedShippingMinor(order.id))) : 0
    let amountMinor = lineMinor + shippingMinor
    if (amountMinor === 0) return new StepResponse({ captured: 0 })

    const payments = (order.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? []).filter((p: any) => p && !p.canceled_at)
    let payment = payments.find((p: any) => uncapturedMinor(p, currency) >= amountMinor)
    if (!payment && payments.length) {
      // Medusa rounds the authorization once for the whole order, we round each line: the order's last
      // capture may find up to one minor unit per item (and shipping method) fewer authorized than its
      // lines add up to. It takes what is left — never more than was authorized — instead of never
      // being capturable (docs/vat-ae.md: the buyer was charged the authorized amount).
      const best = [...payments].sort((a: any, b: any) => uncapturedMinor(b, currency) - uncapturedMinor(a, currency))[0]
      const shortfall = amountMinor - uncapturedMinor(best, currency)
      const tolerance = (order.items ?? []).filter(Boolean).length + (order.shipping_methods ?? []).filter(Boolean).length
      if (shortfall > 0 && shortfall <= tolerance && lineMinor >= shortfall) {
        payment = best
        lineMinor -= shortfall
        amountMinor -= shortfall
      }
    }
    if (!payment) throw new SnailError(422, "CAPTURE_FAILED", `No authorization left to capture ${toMajorString(amountMinor, currency)} ${currency.toUpperCase()}`)
    await assertManualPaymentReceived(container, payment.id, amountMinor) // manual payment: only money staff recorded as received

    const op = await journalOperation(container, {
      kind: "capture", order_id: order.id, payment_id: payment.id, line_id: line.id, currency_code: currency,
      amount: amountMinor, line_amount: lineMinor, shipping_amount: shippingMinor,
      context: { actor_id: input.actor_id ?? null, move: input.move ?? null },
    })
    faultPoint("capture:before-psp")
    const result = await driveOperation(container, op)
    if (result.state !== "SUCCEEDED") throw operationFailure(op, result)
    return new StepResponse({ captured: amountMinor, line_captured: lineMinor, shipping_captured: shippingMinor, payment_id: payment.id, operation_id: op.id })
  }
)

