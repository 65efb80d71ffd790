import type { MedusaResponse } from "@medusajs/framework/http"
import { parsePeriod } from "../../money/period"
import { sendStatement } from "../../money/present"
import type { MerchantRequest } from "../context"

/** The merchant's own statement: `?from=&to=`, `?format=csv` to download. */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  await sendStatement(req.scope, res, req.merchantContext.merchant, parsePeriod(req.query), req.query.format)
}
