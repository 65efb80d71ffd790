import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listPreferences, setPreferences } from "../../../../notifications/preferences"
import type { SetPreferences } from "../../../../notifications/validators"

// The signed-in admin user's own choices: platform notices (new applications, reconciliation, failed receipts)
// can be switched off per channel; the admin's Notifications page shows them, and admins' e-mails link there.
const me = (req: AuthenticatedMedusaRequest) => ({ type: "user" as const, id: req.auth_context.actor_id })

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await listPreferences(req.scope, me(req)))
}

export const POST = async (req: AuthenticatedMedusaRequest<SetPreferences>, res: MedusaResponse) => {
  res.json(await setPreferences(req.scope, me(req), req.validatedBody))
}
