import type { MedusaResponse } from "@medusajs/framework/http"
import { updateSchedule } from "../../../../workflows/booking/schedule-admin"
import { ruleFieldsFromGrid } from "../../../../workflows/booking/schedule-grid"
import { bookingService } from "../../../../workflows/booking/schedules"
import { reprojectSoon } from "../../../../workflows/search/indexer"
import { merchantsSchedule } from "../../../booking/access"
import type { MerchantRequest } from "../../context"
import type { MerchantUpdateScheduleType } from "../../schedule-validators"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  res.json({ schedule: await merchantsSchedule(req.scope, req.params.id, req.merchantContext.merchant.id) })
}

/** Existing bookings keep their slot; only future availability changes. A new grid (or slot length) rebuilds the rule. */
export const POST = async (req: MerchantRequest<MerchantUpdateScheduleType>, res: MedusaResponse) => {
  const current = await merchantsSchedule(req.scope, req.params.id, req.merchantContext.merchant.id)
  const body = (req as any).validatedBody as MerchantUpdateScheduleType
  const schedule = await updateSchedule(req.scope, req.params.id, { ...body, ...ruleFieldsFromGrid(body, current as any) })
  res.json({ schedule })
}

/** Soft delete: the product is no longer bookable; existing bookings stay. */
export const DELETE = async (req: MerchantRequest, res: MedusaResponse) => {
  const schedule: any = await merchantsSchedule(req.scope, req.params.id, req.merchantContext.merchant.id)
  await bookingService(req.scope).softDeleteSchedules(req.params.id)
  // A `slots` service without a schedule cannot be sold: out of the projection listings read.
  await reprojectSoon(req.scope, [schedule.product_id], "schedule.deleted")
  res.json({ id: req.params.id, object: "schedule", deleted: true })
}
