import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SnailError } from "../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { syncLineLedgerWorkflow } from "../../workflows/marketplace-money/sync-line-ledger"
import { captureLineEarlyWorkflow, STATES_AWAITING_CAPTURE } from "../../workflows/order-lines/capture-before-expiry"

/**
 * Medusa's own payment buttons and routes (`POST /admin/payments/:id/capture|refund`, the admin's
 * "Capture payment" and "Refund") on an order whose money moves per line (DESIGN.md §4 "one order
 * truth"). Left alone they would capture the whole authorization at the PSP with no line, journal or
 * ledger knowing. Instead:
 * - capture → its per-line equivalent: every line still waiting for its capture is captured early
 *   through the line engine (journaled, under the order's money lock, booked to escrow; the lines
 *   keep their states), then the payment is answered as Medusa would;
 * - refund → refused before anything changes: which merchant's line gives the money back is not
 *   said; the line refund route (and the order page's line widget) does it.
 * Payments of orders without lines (none in this marketplace, but any other flow) pass through.
 */
export async function captureNativePaymentPerLine(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const order = await marketplaceOrderOfPayment(req, req.params.id)
    if (!order) return next()
    const lines = req.scope.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE)
    const waiting = (await lines.listOrderLines({ order_id: order.id })).filter((l) => STATES_AWAITING_CAPTURE.includes(l.state))
    const amount = (req as any).validatedBody?.amount
    if (amount !== undefined && amount !== null) {
      throw new SnailError(422, "PAYMENT_OPERATION_PER_LINE", "This order's payment is captured line by line: capture it without an amount (every line still waiting is captured), or move a line to capture just that line.", "amount")
    }
    for (const line of waiting) {
      await captureLineEarlyWorkflow(req.scope).run({ input: { line_id: line.id } })
      await syncLineLedgerWorkflow(req.scope).run({ input: { order_line_id: line.id, order_id: order.id } })
    }
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [payment] } = await query.graph({ entity: "payment", fields: (req as any).queryConfig?.fields ?? ["*", "captures.*", "refunds.*"], filters: { id: req.params.id } })
    res.status(200).json({ payment })
  } catch (e) {
    next(e)
  }
}

export async function refuseNativePaymentRefund(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const order = await marketplaceOrderOfPayment(req, req.params.id)
    if (!order) return next()
    throw new SnailError(422, "PAYMENT_OPERATION_PER_LINE", "This order's money is refunded line by line, so the right merchant gives it back: refund a line on the order page (POST /admin/orders/:id/lines/:line_id/refunds).")
  } catch (e) {
    next(e)
  }
}

async function marketplaceOrderOfPayment(req: MedusaRequest, paymentId: string): Promise<{ id: string; currency_code: string } | null> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [payment] } = await query.graph({ entity: "payment", fields: ["id", "payment_collection.order.id", "payment_collection.order.currency_code"], filters: { id: paymentId } })
  const order = (payment as any)?.payment_collection?.order
  if (!order?.id) return null
  const lines = req.scope.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE)
  const [line] = await lines.listOrderLines({ order_id: order.id }, { take: 1, select: ["id"] })
  return line ? { id: order.id, currency_code: order.currency_code } : null
}


