import type { MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../lib/snail-error"
import { createSchedule } from "../../../workflows/booking/schedule-admin"
import { ruleFieldsFromGrid } from "../../../workflows/booking/schedule-grid"
import { bookingService } from "../../../workflows/booking/schedules"
import type { MerchantRequest } from "../context"
import type { MerchantCreateScheduleType } from "../schedule-validators"
import { assertOwnProduct, assertOwnVariant } from "../scope"

/** GET /merchant/schedules — the merchant's own schedules, read under row-level security (asMerchant). */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const filters: Record<string, unknown> = { merchant_id: req.merchantContext.merchant.id }
  if (typeof req.query.product_id === "string") filters.product_id = req.query.product_id
  const booking = bookingService(req.scope)
  const schedules = await booking.asMerchant(req.merchantContext.merchant.id, (ctx) => booking.listSchedules(filters, { order: { created_at: "ASC" } }, ctx))
  res.json({ schedules })
}

/**
 * POST /merchant/schedules — a schedule for one of the merchant's SERVICE products (or a variant of
 * it), from the dashboard's weekly grid (`weekly_hours`) or a rule given as RFC 5545 text.
 */
export const POST = async (req: MerchantRequest<MerchantCreateScheduleType>, res: MedusaResponse) => {
  const body = (req as any).validatedBody as MerchantCreateScheduleType
  const merchantId = req.merchantContext.merchant.id
  if (body.variant_id) await assertOwnVariant(req.scope, merchantId, body.product_id, body.variant_id)
  else await assertOwnProduct(req.scope, merchantId, body.product_id)
  if (!body.weekly_hours && !body.rrule) throw new SnailError(400, "INVALID_FIELD", "Paint the weekly hours (weekly_hours) or give a rule (rrule)", "weekly_hours")
  const schedule = await createSchedule(req.scope, { ...body, ...ruleFieldsFromGrid(body) } as any)
  res.status(201).json({ schedule })
}
