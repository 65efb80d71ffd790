import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { NOTIFICATION_CENTER_MODULE } from "../../../../modules/notification-center"
import type NotificationCenterService from "../../../../modules/notification-center/service"
import { startToken, webhookSecretMatches } from "../../../notifications/telegram"
import { TelegramUpdate } from "../../../notifications/validators"

/**
 * Telegram's webhook (setWebhook url = …/hooks/telegram/<TELEGRAM_WEBHOOK_SECRET>). A wrong secret
 * is 404. A valid call is always 200 — Telegram redelivers anything else — and only `/start <token>`
 * does something: it binds the chat to the token's person, once.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  if (!webhookSecretMatches(req.params.secret)) return res.status(404).json({ type: "not_found", code: "NOT_FOUND", message: "Not found" })
  const update = TelegramUpdate.safeParse(req.body)
  const message = update.success ? update.data.message : undefined
  const token = startToken(message?.text)
  if (message && token) {
    const center = req.scope.resolve<NotificationCenterService>(NOTIFICATION_CENTER_MODULE)
    const bound = await center.bindTelegramChat(token, String(message.chat.id))
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).info(`[notifications] telegram /start ${bound ? `bound a chat to ${bound.person_type}` : "with an unknown or used token"}`)
  }
  res.status(200).json({ ok: true })
}
