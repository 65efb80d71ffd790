import type { MedusaResponse } from "@medusajs/framework/http"
import { listDisputes } from "../../money/disputes"
import type { MerchantRequest } from "../context"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  res.json(await listDisputes(req.scope, { type: "merchant", merchant_id: req.merchantContext.merchant.id }, req.query))
}
