import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listDisputes } from "../../money/disputes"

/** The disputes queue (`?status=OPEN`). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await listDisputes(req.scope, { type: "admin" }, req.query))
}
