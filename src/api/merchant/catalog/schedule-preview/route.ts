import type { MedusaResponse } from "@medusajs/framework/http"
import { generateSlots } from "../../../../lib/booking/slots"
import { ruleFieldsFromGrid } from "../../../../workflows/booking/schedule-grid"
import type { MerchantRequest } from "../../context"
import type { SchedulePreviewType } from "../../schedule-validators"

const DAY = 86_400_000

/**
 * POST /merchant/catalog/schedule-preview — the next slots an unsaved grid and its settings would
 * offer (issue 22 §3), and the rule that would be stored. Reads no one's data: pure arithmetic.
 */
export const POST = async (req: MerchantRequest<SchedulePreviewType>, res: MedusaResponse) => {
  const body = (req as any).validatedBody as SchedulePreviewType
  const { rrule } = ruleFieldsFromGrid(body) as { rrule: string }
  const now = new Date()
  const horizon = body.horizon_days ?? 60
  const slots = generateSlots(
    {
      timezone: body.timezone, rrule, slot_minutes: body.slot_minutes, buffer_minutes: body.buffer_minutes ?? 0, window_minutes: null,
      horizon_days: horizon, min_notice_minutes: body.min_notice_minutes ?? 60,
      exdates: body.exdates ?? null, blackouts: body.blackouts ?? null, extra_slots: body.extra_slots ?? null,
    },
    { from: now, to: new Date(now.getTime() + horizon * DAY), now }
  ).slice(0, body.count ?? 10)
  res.json({ rrule, timezone: body.timezone, slots: slots.map((s) => ({ start_at: s.start_at.toISOString(), end_at: s.end_at.toISOString() })) })
}
