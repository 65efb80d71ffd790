import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { settlePayoutWorkflow } from "../../../../../workflows/marketplace-money/payouts"
import { plain } from "../../../../money/present"

/** The transfer bounced: the money returns to the merchant's available balance. */
export const POST = async (req: AuthenticatedMedusaRequest<{ reason: string }>, res: MedusaResponse) => {
  const { result } = await settlePayoutWorkflow(req.scope).run({ input: { payout_id: req.params.id, outcome: "FAILED", reason: req.validatedBody.reason } })
  res.json({ payout: plain(result as any) })
}
