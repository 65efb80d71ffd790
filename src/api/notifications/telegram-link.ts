import type { MedusaContainer } from "@medusajs/framework/types"
import { SnailError } from "../../lib/snail-error"
import { NOTIFICATION_CENTER_MODULE } from "../../modules/notification-center"
import type NotificationCenterService from "../../modules/notification-center/service"
import type { PersonType } from "../../modules/notification-center/types"
import { telegramBotUsername } from "./telegram"

/**
 * A one-time deep link for this person: opening it in Telegram sends `/start <token>` to our bot,
 * whose webhook binds the chat to them (POST /store/me/telegram-link, POST /merchant/me/telegram-link).
 */
export async function telegramLinkFor(container: MedusaContainer, person: { type: PersonType; id: string }): Promise<{ url: string }> {
  const bot = telegramBotUsername()
  if (!bot || !process.env.TELEGRAM_BOT_TOKEN) throw new SnailError(422, "TELEGRAM_NOT_CONFIGURED", "Telegram notifications are not set up on this platform.")
  const center = container.resolve<NotificationCenterService>(NOTIFICATION_CENTER_MODULE)
  const token = await center.createTelegramStartToken(person)
  return { url: `https://t.me/${bot}?start=${token}` }
}
