import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listDisputes } from "../../money/disputes"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await listDisputes(req.scope, { type: "buyer", customer_id: req.auth_context.actor_id }, req.query))
}
