import type { MedusaResponse } from "@medusajs/framework/http"
import { createSchedule } from "../../../workflows/booking/schedule-admin"
import { bookingService } from "../../../workflows/booking/schedules"
import type { CreateScheduleType } from "../../booking/validators"
import type { MerchantRequest } from "../context"
import { assertOwnProduct, assertOwnVariant } from "../scope"

/** GET /merchant/schedules — the merchant's own schedules. */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const filters: Record<string, unknown> = { merchant_id: req.merchantContext.merchant.id }
  if (typeof req.query.product_id === "string") filters.product_id = req.query.product_id
  const schedules = await bookingService(req.scope).listSchedules(filters, { order: { created_at: "ASC" } })
  res.json({ schedules })
}

/** POST /merchant/schedules — a schedule for one of the merchant's SERVICE products (or a variant of it). */
export const POST = async (req: MerchantRequest<CreateScheduleType>, res: MedusaResponse) => {
  const body = (req as any).validatedBody as CreateScheduleType
  const merchantId = req.merchantContext.merchant.id
  if (body.variant_id) await assertOwnVariant(req.scope, merchantId, body.product_id, body.variant_id)
  else await assertOwnProduct(req.scope, merchantId, body.product_id)
  const schedule = await createSchedule(req.scope, body)
  res.status(201).json({ schedule })
}
