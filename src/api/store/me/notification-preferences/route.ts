import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listPreferences, setPreferences } from "../../../notifications/preferences"
import type { SetPreferences } from "../../../notifications/validators"

const me = (req: AuthenticatedMedusaRequest) => ({ type: "customer" as const, id: req.auth_context.actor_id })

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await listPreferences(req.scope, me(req)))
}

export const POST = async (req: AuthenticatedMedusaRequest<SetPreferences>, res: MedusaResponse) => {
  res.json(await setPreferences(req.scope, me(req), req.validatedBody))
}
