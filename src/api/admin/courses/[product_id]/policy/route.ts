import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { upsertPolicy } from "../../../../course-access/content"
import type { CoursePolicyBodyType } from "../../../../course-access/validators"

export const POST = async (req: AuthenticatedMedusaRequest<CoursePolicyBodyType>, res: MedusaResponse) => {
  res.json({ policy: await upsertPolicy(req.scope, req.params.product_id, req.validatedBody) })
}
