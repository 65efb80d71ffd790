import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { NOTIFICATION_CENTER_MODULE } from "../../../../modules/notification-center"
import type NotificationCenterService from "../../../../modules/notification-center/service"

/** The delivery log, newest first, filtered by status, channel, type, recipient or event. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as Record<string, any>
  const center = req.scope.resolve<NotificationCenterService>(NOTIFICATION_CENTER_MODULE)
  const filters: Record<string, unknown> = {}
  for (const k of ["status", "channel", "notification_type", "event_id"]) if (q[k]) filters[k] = q[k]
  if (q.recipient) filters.recipient = { $ilike: `%${String(q.recipient).replace(/[%_\\]/g, (c) => `\\${c}`)}%` }
  const [rows, count] = await center.listAndCountNotificationDeliveries(filters, {
    take: q.limit, skip: q.offset, order: { created_at: "DESC" },
    select: ["id", "event_name", "event_id", "notification_type", "transactional", "channel", "recipient", "person_type", "person_id",
      "template", "locale", "subject", "status", "attempts", "next_attempt_at", "last_error", "provider_message_id", "sent_at", "created_at"],
  })
  res.json({ deliveries: rows, count, limit: q.limit, offset: q.offset })
}
