import type { MedusaResponse } from "@medusajs/framework/http"
import { getDispute } from "../../../money/disputes"
import type { MerchantRequest } from "../../context"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  res.json({ dispute: await getDispute(req.scope, { type: "merchant", merchant_id: req.merchantContext.merchant.id }, req.params.id) })
}
