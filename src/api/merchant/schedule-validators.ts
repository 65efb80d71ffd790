import { z } from "@medusajs/framework/zod"
import { WEEKDAYS } from "../../lib/booking/weekly-grid"
import { isValidTimeZone, parseLocalDateTime } from "../../lib/booking/zoned-time"
import { CreateSchedule, UpdateSchedule } from "../booking/validators"

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "a time of day HH:MM (00:00 to 24:00)")

/** The editor's painted hours: local wall times in the schedule's zone (src/lib/booking/weekly-grid.ts). */
export const WeeklyHours = z.array(z.object({ day: z.enum(WEEKDAYS), start: timeOfDay, end: timeOfDay }).strict()).min(1).max(200)
export type WeeklyHoursType = z.infer<typeof WeeklyHours>

// Either the grid (the dashboard) or a raw RFC 5545 rule (API clients, the platform admin); the
// route refuses neither-nor and both. The grid's rule is built on the server, never typed.
export const MerchantCreateSchedule = CreateSchedule.extend({ rrule: CreateSchedule.shape.rrule.optional(), weekly_hours: WeeklyHours.optional() }).strict()
export type MerchantCreateScheduleType = z.infer<typeof MerchantCreateSchedule>

export const MerchantUpdateSchedule = UpdateSchedule.extend({ weekly_hours: WeeklyHours.optional() }).strict()
export type MerchantUpdateScheduleType = z.infer<typeof MerchantUpdateSchedule>

const isoInstant = z.string().datetime({ offset: true })

/** What the editor shows before saving: the next slots of an unsaved grid and settings. */
export const SchedulePreview = z
  .object({
    timezone: z.string().refine(isValidTimeZone, "unknown IANA time zone"),
    weekly_hours: WeeklyHours,
    slot_minutes: z.number().int().min(5).max(24 * 60),
    buffer_minutes: z.number().int().min(0).max(24 * 60).optional(),
    min_notice_minutes: z.number().int().min(0).max(60 * 24 * 60).optional(),
    horizon_days: z.number().int().min(1).max(730).optional(),
    exdates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a local date 2026-05-01")).max(1000).nullable().optional(),
    blackouts: z.array(z.object({ start: isoInstant, end: isoInstant }).strict()).max(500).nullable().optional(),
    extra_slots: z.array(z.string().refine((s) => !!parseLocalDateTime(s), "a local date-time like 2026-05-01T14:00")).max(1000).nullable().optional(),
    count: z.number().int().min(1).max(50).optional(),
  })
  .strict()
export type SchedulePreviewType = z.infer<typeof SchedulePreview>
