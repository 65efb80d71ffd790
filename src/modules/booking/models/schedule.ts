import { model } from "@medusajs/framework/utils"

/**
 * When a SERVICE product (or one variant of it, when variants differ) can be booked, and its
 * policies (docs/booking.md). Times of day in `rrule` are wall times in `timezone`.
 */
export const Schedule = model
  .define("booking_schedule", {
    id: model.id({ prefix: "bsch" }).primaryKey(),
    merchant_id: model.text().nullable(),
    product_id: model.text(),
    /** null: the schedule of every variant of the product without its own schedule. */
    variant_id: model.text().nullable(),
    timezone: model.text(),
    rrule: model.text(),
    slot_minutes: model.number().default(60),
    buffer_minutes: model.number().default(0),
    window_minutes: model.number().nullable(),
    capacity: model.number().default(1),
    horizon_days: model.number().default(60),
    min_notice_minutes: model.number().default(60),
    exdates: model.json().nullable(),
    blackouts: model.json().nullable(),
    extra_slots: model.json().nullable(),
    /** The merchant dashboard's painted weekly hours the `rrule` was built from (null: a rule given as text). */
    weekly_hours: model.json().nullable(),
    free_cancel_hours: model.number().default(24),
    cancel_fee_bps: model.number().default(0),
    reschedule_until_hours: model.number().default(24),
    max_reschedules: model.number().default(1),
    auto_confirm: model.boolean().default(true),
  })
  .indexes([
    { on: ["product_id"] },
    { on: ["merchant_id"] },
    { on: ["product_id", "variant_id"], unique: true, where: "deleted_at IS NULL" },
  ])
