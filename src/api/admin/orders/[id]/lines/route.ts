import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentOrderLines } from "../../../../order-lines/present"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ lines: await presentOrderLines(req.scope, req.params.id, "operator") })
}
