import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TEMPLATES } from "../../../../modules/notification-center/templates"
import { NOTIFICATION_TYPES } from "../../../../modules/notification-center/types"

export const GET = async (_req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({
    templates: Object.values(TEMPLATES).map((t) => ({ name: t.name, notification_type: t.type, ...NOTIFICATION_TYPES[t.type], locales: ["en", "ru", "ar"] })),
  })
}
