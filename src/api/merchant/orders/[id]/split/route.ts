import type { MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../lib/snail-error"
import { orderSplits } from "../../../../money/present"
import type { MerchantRequest } from "../../../context"

/** This merchant's split of the order: gross, commission, net per line. */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const [split] = await orderSplits(req.scope, req.params.id, req.merchantContext.merchant.id)
  if (!split) throw new SnailError(404, "NOT_FOUND", `Order ${req.params.id} not found`)
  res.json({ split })
}
