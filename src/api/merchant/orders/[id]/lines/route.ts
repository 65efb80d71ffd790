import type { MedusaResponse } from "@medusajs/framework/http"
import { orderPaymentSummary } from "../../../../../lib/line-process/payment-status"
import { SnailError } from "../../../../../lib/snail-error"
import { presentOrderLines } from "../../../../order-lines/present"
import type { MerchantRequest } from "../../../context"

/** The merchant's own lines of an order, with state, history and allowed moves. */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const lines = await presentOrderLines(req.scope, req.params.id, "merchant", req.merchantContext.merchant.id)
  if (!lines.length) throw new SnailError(404, "NOT_FOUND", `Order ${req.params.id} not found`)
  // The summary covers only this merchant's lines.
  res.json({ lines, summary: orderPaymentSummary(lines) })
}
