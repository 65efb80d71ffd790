import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { lineQuantity } from "../../lib/order-items"
import { SnailError } from "../../lib/snail-error"
import { activeReturnReceive } from "../../workflows/order-lines/native-fulfilment"
import { asyncMiddleware, describe, type Line, linesOf, move, precheck } from "./native-orders"

/**
 * Medusa's return routes (`/admin/returns/:id/…`, the admin's "Receive items" and "Cancel return")
 * on a marketplace order go through the line engine, like native-orders.ts does for fulfilments
 * (issue 16 §2). A marketplace return is always one line's (the buyer asks for it on the line; the
 * line engine opens Medusa's return), so:
 * - receiving: the admin's drawer begins a receipt and adds the items (Medusa records a pending
 *   change, nothing moves); its "Save" (confirm) becomes the line's RETURNED move — stock back at the
 *   merchant's location and everything captured for the line refunded, journaled — when the whole
 *   line is received as it is; a partial or damaged receipt is refused before anything changes;
 * - cancelling the return: the line's refusal move (back to DELIVERED, Medusa's return cancelled);
 * - editing the return (items, shipping, damaged items, the request itself): refused, the return
 *   belongs to the line as the buyer asked for it.
 * Returns of orders without lines pass through untouched.
 */

type ReturnContext = { ret: any; lines: Line[]; line: Line | undefined }

async function returnContext(container: MedusaContainer, returnId: string): Promise<ReturnContext | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [ret] } = await query.graph({ entity: "return", fields: ["id", "order_id", "status"], filters: { id: returnId } })
  if (!ret) return null
  const lines = await linesOf(container, (ret as any).order_id)
  if (!lines.length) return null
  return { ret, lines, line: lines.find((l) => (l as any).return_id === returnId) }
}

function requireLine(ctx: ReturnContext): Line {
  if (ctx.line) return ctx.line
  throw new SnailError(422, "NATIVE_OPERATION_PER_LINE", "This return belongs to no line of the marketplace order: returns are asked for and received line by line.")
}

async function answerWithReturn(req: MedusaRequest, res: MedusaResponse, returnId: string, orderId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: [ret] }, { data: [order] }] = await Promise.all([
    query.graph({ entity: "return", fields: ["id", "status", "order_id", "received_at", "canceled_at", "items.*"], filters: { id: returnId } }),
    query.graph({ entity: "order", fields: ["id", "status", "fulfillment_status", "payment_status"], filters: { id: orderId } }),
  ])
  // Medusa's confirm answers the order preview and the return; the admin reads neither beyond success.
  res.status(200).json({ order_preview: order, return: ret })
}

/** POST /admin/returns/:id/receive/confirm — the whole line received as it is → the line's RETURNED move. */
export const confirmNativeReturnReceivePerLine = asyncMiddleware(async (req, res, next) => {
  const ctx = await returnContext(req.scope, req.params.id)
  if (!ctx) return next()
  const line = requireLine(ctx)
  const change = await activeReturnReceive(req.scope, req.params.id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.quantity", "items.detail.quantity"], filters: { id: line.order_id } })
  const item = (order as any)?.items?.find((i: any) => i?.id === line.line_item_id)
  const units = item ? lineQuantity(item) : 0
  const counted = (action: string) =>
    (change?.actions ?? []).filter((a: any) => a?.action === action && (a.details?.reference_id ?? a.reference_id) === line.line_item_id)
      .reduce((s: number, a: any) => s + Number(a.details?.quantity ?? 0), 0)
  const received = counted("RECEIVE_RETURN_ITEM")
  const damaged = counted("RECEIVE_DAMAGED_RETURN_ITEM")
  if (damaged > 0 || received !== units) {
    throw new SnailError(
      422,
      "NATIVE_OPERATION_PER_LINE",
      `Receive all ${units} unit(s) of ${describe(line)} as they are: a marketplace line is returned as a whole, and its refund follows the receipt. ` +
        "Units that came back damaged: cancel the return and settle it in a dispute on the line."
    )
  }
  precheck([{ line, to: "RETURNED" }])
  // The line's receipt (native-fulfilment.ts) drops this pending receipt and runs Medusa's own
  // receive-and-complete, then restocks and refunds: one path whoever receives the return.
  await move(req, line, "RETURNED", { reason: "return received in the Medusa admin" })
  await answerWithReturn(req, res, req.params.id, line.order_id)
})

/** POST /admin/returns/:id/cancel and DELETE /admin/returns/:id/request — the line's refusal: back to DELIVERED. */
export const cancelNativeReturnPerLine = asyncMiddleware(async (req, res, next) => {
  const ctx = await returnContext(req.scope, req.params.id)
  if (!ctx) return next()
  const line = requireLine(ctx)
  precheck([{ line, to: "DELIVERED" }])
  await move(req, line, "DELIVERED", { reason: "return cancelled in the Medusa admin" })
  if (req.method === "DELETE") {
    res.status(200).json({ id: req.params.id, object: "return", deleted: true })
    return
  }
  await answerWithReturn(req, res, req.params.id, line.order_id)
})

/** Edits of a line's return (items, shipping, damaged items, the request): refused. */
export const refuseNativeReturnEdit = asyncMiddleware(async (req, _res, next) => {
  const ctx = await returnContext(req.scope, req.params.id)
  if (!ctx) return next()
  const which = ctx.line ? describe(ctx.line) : "a marketplace line"
  throw new SnailError(
    422,
    "NATIVE_OPERATION_PER_LINE",
    `This return is ${which} as the buyer asked for it: it is received whole ("Receive items") or cancelled, not edited.`
  )
})
