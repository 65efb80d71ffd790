import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATION_CENTER_MODULE } from "../../../modules/notification-center"
import type NotificationCenterService from "../../../modules/notification-center/service"
import { redactSecrets } from "../../../modules/notification-center/redact"
import { renderTemplate } from "../../../modules/notification-center/templates"
import { notificationSettingsUrl } from "../../../lib/notifications/settings-link"
import { configuredChannels } from "../deliver"
import type { Batch, Channel } from "../types"

/**
 * Claims one delivery per (recipient, channel) the person wants, rendered in their language. The
 * claim is the unique insert: a redelivered event finds its rows and queues nothing new. Channels
 * without a provider are logged as SKIPPED, so an unconfigured relay shows in the admin log.
 */
export const queueDeliveriesStep = createStep("queue-notification-deliveries", async (batch: Batch, { container }) => {
  const center = container.resolve<NotificationCenterService>(NOTIFICATION_CENTER_MODULE)
  const available = configuredChannels()
  const claimed: string[] = []
  for (const message of batch.messages) {
    for (const r of message.recipients) {
      const targets: { channel: Channel; to: string }[] = []
      if (r.email) targets.push({ channel: "email", to: r.email.toLowerCase() })
      if (r.person && available.has("telegram")) {
        const chat = await center.telegramChatOf(r.person)
        if (chat) targets.push({ channel: "telegram", to: chat })
      }
      for (const t of targets) {
        if (!(await center.wants(r.person ?? null, message.type, t.channel))) continue
        const base = {
          event_name: batch.event_name, event_id: batch.event_id, notification_type: message.type, channel: t.channel,
          recipient: t.to, person_type: r.person?.type ?? null, person_id: r.person?.id ?? null, template: message.template, locale: r.locale,
          reissue: message.reissue ?? null,
        }
        if (!available.has(t.channel)) {
          await center.claimDelivery({ ...base, subject: null, content: { text: "" }, status: "SKIPPED", last_error: `No provider is configured for the ${t.channel} channel.` })
          continue
        }
        const rendered = await renderTemplate(message.template, r.locale, message.data, { settingsUrl: notificationSettingsUrl(r.person) })
        const content = { html: t.channel === "email" ? rendered.html : undefined, text: rendered.text, attachments: rendered.attachments }
        // One-time tokens never rest in the log in clear: redacted there, sealed for the attempts.
        const secret = message.secrets?.length ? content : null
        const id = await center.claimDelivery({
          ...base, subject: rendered.subject,
          content: secret ? redactSecrets(content, message.secrets!) : content, secret_content: secret,
        })
        if (id) claimed.push(id)
      }
    }
  }
  return new StepResponse(claimed, claimed)
}, async (claimed, { container }) => {
  // The send step never throws, so this only runs when the workflow is cancelled before sending:
  // unsent claims are dropped so a redelivery of the event can queue them again.
  if (!claimed?.length) return
  const center = container.resolve<NotificationCenterService>(NOTIFICATION_CENTER_MODULE)
  const rows = await center.listNotificationDeliveries({ id: claimed, attempts: 0 })
  if (rows.length) await center.deleteNotificationDeliveries(rows.map((r: any) => r.id))
})
