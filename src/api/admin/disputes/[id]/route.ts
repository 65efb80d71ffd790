import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getDispute } from "../../../money/disputes"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ dispute: await getDispute(req.scope, { type: "admin" }, req.params.id) })
}
