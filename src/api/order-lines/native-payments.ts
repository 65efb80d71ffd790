import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { toMinor } from "../../lib/money"
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
    // The admin's "Capture payment" button sends the payment's whole amount: "capture everything",
    // which per line is capturing every line still waiting. Any other amount names no line: refused.
    if (amount !== undefined && amount !== null && !(await isWholePayment(req, req.params.id, amount, order.currency_code))) {
      throw new SnailError(422, "PAYMENT_OPERATION_PER_LINE", "This order's payment is captured line by line: capture all of it (every line still waiting is captured), or move a line to capture just that line.", "amount")
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

/** The amount is the payment's whole authorization, or all of it that is not captured yet. */
async function isWholePayment(req: MedusaRequest, paymentId: string, amount: unknown, currency: string): Promise<boolean> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [payment] } = await query.graph({ entity: "payment", fields: ["id", "amount", "captures.amount"], filters: { id: paymentId } })
  if (!payment) return false
  const asked = toMinor(amount as any, currency)
  const authorized = toMinor((payment as any).amount ?? 0, currency)
  const captured = ((payment as any).captures ?? []).reduce((s: number, c: any) => s + (c ? toMinor(c.amount ?? 0, currency) : 0), 0)
  return asked === authorized || asked === authorized - captured
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



/**
 * Medusa's payment-collection routes on a marketplace order's collection (`mark-as-paid`,
 * `payment-sessions`, `DELETE`): the order is paid once, at checkout, and its money moves per line.
 * A second payment — marked paid by hand or authorized later — would be money no line, split or
 * journal knows of; deleting the collection would orphan the lines' captures. Collections of orders
 * without lines pass through.
 */
export const refuseOnMarketplaceCollection = (message: string) => async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [collection] } = await query.graph({ entity: "payment_collection", fields: ["id", "order.id"], filters: { id: req.params.id } })
    const orderId = (collection as any)?.order?.id
    const lines = req.scope.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE)
    if (!orderId || !(await lines.listOrderLines({ order_id: orderId }, { take: 1, select: ["id"] })).length) return next()
    throw new SnailError(422, "PAYMENT_OPERATION_PER_LINE", message)
  } catch (e) {
    next(e)
  }
}

export const NO_FURTHER_PAYMENT = "A marketplace order is paid once, at checkout, and its money moves line by line: it takes no further payment. Refund or cancel a line instead."
