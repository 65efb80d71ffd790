import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../lib/snail-error"
import { NOTIFICATION_CENTER_MODULE } from "../../../../../modules/notification-center"
import type NotificationCenterService from "../../../../../modules/notification-center/service"

/** One delivery with every attempt (provider response or error) and what was sent. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const center = req.scope.resolve<NotificationCenterService>(NOTIFICATION_CENTER_MODULE)
  const [delivery] = await center.listNotificationDeliveries({ id: req.params.id })
  if (!delivery) throw new SnailError(404, "NOT_FOUND", "No such delivery.")
  const attempts = await center.listNotificationAttempts({ delivery_id: delivery.id }, { order: { attempt: "ASC" } })
  const content: any = delivery.content ?? {}
  res.json({
    // sealed_content (the message with its one-time link, kept encrypted until the last attempt) never leaves the server.
    delivery: { ...delivery, content: undefined, sealed_content: undefined, html: content.html ?? null, text: content.text ?? null,
      attachments: (content.attachments ?? []).map((a: any) => ({ filename: a.filename, content_type: a.content_type, size: Buffer.from(a.content, "base64").length })) },
    attempts,
  })
}
