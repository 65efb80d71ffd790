import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { telegramLinkFor } from "../../../notifications/telegram-link"

/** The buyer's one-time Telegram deep link (docs/notifications.md, "Preferences and Telegram"). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.status(201).json(await telegramLinkFor(req.scope, { type: "customer", id: req.auth_context.actor_id }))
}
