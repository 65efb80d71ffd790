import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../../lib/snail-error"
import { NOTIFICATION_CENTER_MODULE } from "../../../../../../modules/notification-center"
import type NotificationCenterService from "../../../../../../modules/notification-center/service"
import { attemptDelivery } from "../../../../../../workflows/notifications/deliver"
import { reissueSecret } from "../../../../../../workflows/notifications/reissue"

/**
 * Resend: the same rendered message again, now (one more attempt, logged like the others). A message
 * whose one-time link the log only has as [redacted] is re-issued instead: a new token, a new delivery
 * (202 { reissued: true }); the old row stays as it was.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const center = req.scope.resolve<NotificationCenterService>(NOTIFICATION_CENTER_MODULE)
  const [delivery] = await center.listNotificationDeliveries({ id: req.params.id })
  if (!delivery) throw new SnailError(404, "NOT_FOUND", "No such delivery.")
  const redacted = !!delivery.reissue || ["password-reset", "merchant-staff-invite", "email-verification"].includes(delivery.template)
  if (redacted && !delivery.sealed_content && ["FAILED", "SENT", "SKIPPED"].includes(delivery.status)) {
    if (!delivery.reissue) throw new SnailError(409, "DELIVERY_LINK_NOT_REISSUABLE", "This message carried a one-time link that is no longer kept; ask the person to request a new one.")
    await reissueSecret(req.scope, delivery.reissue as any)
    res.status(202).json({ delivery: { id: delivery.id, status: delivery.status }, reissued: true })
    return
  }
  if (!(await center.requeueDelivery(delivery.id))) {
    throw new SnailError(409, "DELIVERY_NOT_RESENDABLE", "The delivery is still queued or being retried; wait for it to finish.")
  }
  const status = await attemptDelivery(req.scope, delivery.id)
  const [after] = await center.listNotificationDeliveries({ id: delivery.id }, { select: ["id", "status", "attempts", "last_error", "sent_at"] })
  res.json({ delivery: after, status })
}
