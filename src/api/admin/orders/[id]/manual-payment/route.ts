import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { manualPaymentOf } from "../../../../../workflows/order-lines/manual-payment"

/** The order's manual payment and what was recorded as received (`manual_payment: null` when paid otherwise). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ manual_payment: await manualPaymentOf(req.scope, req.params.id) })
}
