import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { manualPaymentOf } from "../../../../../../workflows/order-lines/manual-payment"
import { recordManualPaymentReceivedWorkflow } from "../../../../../../workflows/order-lines/record-manual-payment"
import type { ManualPaymentReceivedBodyType } from "../../../../../manual-payment/validators"

/** Records money received for the order's manual payment (amount in major units; default: all still awaited). */
export const POST = async (req: AuthenticatedMedusaRequest<ManualPaymentReceivedBodyType>, res: MedusaResponse) => {
  const { result } = await recordManualPaymentReceivedWorkflow(req.scope).run({
    input: { order_id: req.params.id, ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.json({ receipt: result, manual_payment: await manualPaymentOf(req.scope, req.params.id) })
}
