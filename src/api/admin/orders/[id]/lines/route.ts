import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderPaymentSummary } from "../../../../../lib/line-process/payment-status"
import { presentOrderLines } from "../../../../order-lines/present"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const lines = await presentOrderLines(req.scope, req.params.id, "operator")
  res.json({ lines, summary: orderPaymentSummary(lines) })
}
