import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { settlePayoutWorkflow } from "../../../../../workflows/marketplace-money/payouts"
import { plain } from "../../../../money/present"

/** An operator confirms a bank transfer went out. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await settlePayoutWorkflow(req.scope).run({ input: { payout_id: req.params.id, outcome: "PAID" } })
  res.json({ payout: plain(result as any) })
}
