import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buyersGrant, presentGrant } from "../../../course-access/buyer"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const grant = await buyersGrant(req.scope, req.params.grant_id, req.auth_context.actor_id)
  res.json({ course: await presentGrant(req.scope, grant, req.locale) })
}
