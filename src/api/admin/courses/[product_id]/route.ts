import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { courseContent } from "../../../course-access/content"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await courseContent(req.scope, req.params.product_id))
}
