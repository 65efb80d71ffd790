import { z } from "@medusajs/framework/zod"
import { ruleProblem } from "../../lib/booking/slots"
import { isValidTimeZone, parseLocalDateTime } from "../../lib/booking/zoned-time"

const isoInstant = z.string().datetime({ offset: true })

export const SlotsQuery = z.object({
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  variant_id: z.string().min(1).optional(),
}).strict()

export const RangeQuery = z.object({
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  merchant_id: z.string().optional(),
  status: z.string().optional(),
}).strict()

const localDateTime = z.string().refine((s) => !!parseLocalDateTime(s), "expected a local date-time like 2026-05-01T14:00")
const localDateOrDateTime = z.string().refine(
  (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || !!parseLocalDateTime(s) || isoInstant.safeParse(s).success,
  "expected a local date 2026-05-01, a local slot start 2026-05-01T14:00, or a UTC instant 2026-05-01T10:00:00Z",
)

const scheduleFields = {
  timezone: z.string().refine(isValidTimeZone, "unknown IANA time zone"),
  // Read in UTC here; createSchedule/updateSchedule read it again in the schedule's own zone.
  rrule: z.string().min(5).max(2000).superRefine((s, ctx) => {
    const problem = ruleProblem(s, "UTC")
    if (problem) ctx.addIssue({ code: "custom", message: problem })
  }),
  slot_minutes: z.number().int().min(5).max(24 * 60),
  buffer_minutes: z.number().int().min(0).max(24 * 60),
  window_minutes: z.number().int().min(5).max(24 * 60).nullable(),
  capacity: z.number().int().min(1).max(500),
  horizon_days: z.number().int().min(1).max(730),
  min_notice_minutes: z.number().int().min(0).max(60 * 24 * 60),
  exdates: z.array(localDateOrDateTime).max(1000).nullable(),
  blackouts: z.array(z.object({ start: isoInstant, end: isoInstant }).strict().refine((b) => new Date(b.start) < new Date(b.end), "start must be before end")).max(500).nullable(),
  extra_slots: z.array(localDateTime).max(1000).nullable(),
  free_cancel_hours: z.number().int().min(0).max(24 * 365),
  cancel_fee_bps: z.number().int().min(0).max(10000),
  reschedule_until_hours: z.number().int().min(0).max(24 * 365),
  max_reschedules: z.number().int().min(0).max(100),
  auto_confirm: z.boolean(),
}

export const CreateSchedule = z.object({
  product_id: z.string().min(1),
  variant_id: z.string().min(1).nullable().optional(),
  ...scheduleFields,
  buffer_minutes: scheduleFields.buffer_minutes.optional(),
  window_minutes: scheduleFields.window_minutes.optional(),
  capacity: scheduleFields.capacity.optional(),
  horizon_days: scheduleFields.horizon_days.optional(),
  min_notice_minutes: scheduleFields.min_notice_minutes.optional(),
  exdates: scheduleFields.exdates.optional(),
  blackouts: scheduleFields.blackouts.optional(),
  extra_slots: scheduleFields.extra_slots.optional(),
  free_cancel_hours: scheduleFields.free_cancel_hours.optional(),
  cancel_fee_bps: scheduleFields.cancel_fee_bps.optional(),
  reschedule_until_hours: scheduleFields.reschedule_until_hours.optional(),
  max_reschedules: scheduleFields.max_reschedules.optional(),
  auto_confirm: scheduleFields.auto_confirm.optional(),
  merchant_id: z.string().optional(),
}).strict()
export type CreateScheduleType = z.infer<typeof CreateSchedule>

export const UpdateSchedule = z.object(scheduleFields).partial().extend({ merchant_id: z.string().optional() }).strict()
export type UpdateScheduleType = z.infer<typeof UpdateSchedule>

export const RescheduleBody = z.object({ slot_start: isoInstant }).strict()
export type RescheduleBodyType = z.infer<typeof RescheduleBody>

export const CancelBody = z.object({ reason: z.string().max(500).optional() }).strict()
export type CancelBodyType = z.infer<typeof CancelBody>
