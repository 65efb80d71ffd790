import type { MedusaResponse } from "@medusajs/framework/http"
import { presentBookings, rescheduleBooking } from "../../../../../workflows/booking/manage"
import { merchantsBooking } from "../../../../booking/access"
import type { MerchantRequest } from "../../../context"
import type { MerchantRescheduleBody } from "../../../validators"

/**
 * POST /merchant/bookings/:id/reschedule { slot_start } — the merchant moves a buyer's appointment
 * through the same rules the buyer has (the schedule's reschedule window and count, a free seat for
 * every place of the line): one policy, whoever asks. Answers with the new booking (new id).
 */
export const POST = async (req: MerchantRequest<MerchantRescheduleBody>, res: MedusaResponse) => {
  await merchantsBooking(req.scope, req.params.id, req.merchantContext.merchant.id)
  const moved = await rescheduleBooking(req.scope, {
    booking_id: req.params.id, slot_start: req.validatedBody.slot_start, actor_id: req.merchantContext.merchant_user.id,
  })
  const [booking] = await presentBookings(req.scope, [moved])
  res.json({ booking })
}
