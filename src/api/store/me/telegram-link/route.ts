import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../lib/snail-error"
import { NOTIFICATION_CENTER_MODULE } from "../../../../modules/notification-center"
import type NotificationCenterService from "../../../../modules/notification-center/service"
import { telegramBotUsername } from "../../../notifications/telegram"

/** A one-time deep link: opening it in Telegram sends `/start <token>` to our bot, which binds the chat. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const bot = telegramBotUsername()
  if (!bot || !process.env.TELEGRAM_BOT_TOKEN) throw new SnailError(422, "TELEGRAM_NOT_CONFIGURED", "Telegram notifications are not set up on this platform.")
  const center = req.scope.resolve<NotificationCenterService>(NOTIFICATION_CENTER_MODULE)
  const token = await center.createTelegramStartToken({ type: "customer", id: req.auth_context.actor_id })
  res.status(201).json({ url: `https://t.me/${bot}?start=${token}` })
}
