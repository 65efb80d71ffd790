import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { NOTIFICATION_CENTER_MODULE } from "../../modules/notification-center"
import { classifySendError } from "../../modules/notification-center/providers/errors"
import type NotificationCenterService from "../../modules/notification-center/service"
import type { Channel } from "../../modules/notification-center/types"

/** Channels with a provider configured (medusa-config.ts registers SMTP / Telegram only when set). */
export function configuredChannels(env: Record<string, string | undefined> = process.env): Set<Channel> {
  const channels = new Set<Channel>()
  if (env.SMTP_HOST) channels.add("email")
  if (env.TELEGRAM_BOT_TOKEN) channels.add("telegram")
  return channels
}

/**
 * One attempt at one delivery through Medusa's notification module, recorded in the log. Never
 * throws: a provider that is down leaves the delivery RETRYING (the retry job takes it up) and the
 * business operation that caused it carries on.
 */
export async function attemptDelivery(container: MedusaContainer, deliveryId: string): Promise<string | null> {
  const center = container.resolve<NotificationCenterService>(NOTIFICATION_CENTER_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const row = await center.leaseDelivery(deliveryId)
  if (!row) return null // sent, failed, or taken by another worker meanwhile
  const content = center.contentToSend(row)
  try {
    const notifications = container.resolve(Modules.NOTIFICATION)
    const sent: any = await notifications.createNotifications({
      to: row.recipient,
      channel: row.channel,
      template: row.template,
      // Medusa's own idempotency key, per attempt: our unique delivery row already guards against duplicates.
      idempotency_key: `${row.id}:${Number(row.attempts) + 1}`,
      data: { delivery_id: row.id, locale: row.locale },
      content: { subject: row.subject ?? undefined, html: content.html, text: content.text },
      attachments: content.attachments ?? [],
    } as any)
    if (sent?.status === "failure") throw new Error("The notification provider reported a failure.")
    const outcome = await center.recordAttempt(row.id, { ok: true, provider_message_id: sent?.external_id ?? undefined, response: { notification_id: sent?.id } })
    return outcome.status
  } catch (e) {
    const failure = classifySendError(e)
    const outcome = await center.recordAttempt(row.id, {
      ok: false, error: failure.message, permanent: failure.permanent, retry_after_ms: failure.retryAfterMs,
    })
    logger.warn(`[notifications] ${row.template} to ${row.channel} failed (attempt ${outcome.attempt}, now ${outcome.status}): ${failure.message.split("\n").pop()}`)
    return outcome.status
  }
}
