import type { MedusaResponse } from "@medusajs/framework/http"
import { updateSchedule } from "../../../../workflows/booking/schedule-admin"
import { bookingService } from "../../../../workflows/booking/schedules"
import { merchantsSchedule } from "../../../booking/access"
import type { UpdateScheduleType } from "../../../booking/validators"
import type { MerchantRequest } from "../../context"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  res.json({ schedule: await merchantsSchedule(req.scope, req.params.id, req.merchantContext.merchant.id) })
}

/** Existing bookings keep their slot; only future availability changes. */
export const POST = async (req: MerchantRequest<UpdateScheduleType>, res: MedusaResponse) => {
  await merchantsSchedule(req.scope, req.params.id, req.merchantContext.merchant.id)
  const schedule = await updateSchedule(req.scope, req.params.id, (req as any).validatedBody)
  res.json({ schedule })
}

/** Soft delete: the product is no longer bookable; existing bookings stay. */
export const DELETE = async (req: MerchantRequest, res: MedusaResponse) => {
  await merchantsSchedule(req.scope, req.params.id, req.merchantContext.merchant.id)
  await bookingService(req.scope).softDeleteSchedules(req.params.id)
  res.json({ id: req.params.id, object: "schedule", deleted: true })
}
