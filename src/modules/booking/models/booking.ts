import { model } from "@medusajs/framework/utils"

export const BOOKING_STATUSES = ["HELD", "BOOKED", "RELEASED", "EXPIRED", "RESCHEDULED", "CANCELLED"] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
/** Statuses that occupy a seat. */
export const ACTIVE_STATUSES: BookingStatus[] = ["HELD", "BOOKED"]

/**
 * One seat of one slot: a cart's hold (HELD, with `expires_at`) or an order line's booking
 * (BOOKED). The partial unique index over (schedule, start, seat) of active rows is what makes
 * a double booking impossible, with or without Redis: seats run 0..capacity-1 and a hold inserts
 * the first free one. Rows that stop occupying a seat keep their history (RELEASED, EXPIRED,
 * RESCHEDULED → `rescheduled_to_id`, CANCELLED).
 */
export const Booking = model
  .define("booking", {
    id: model.id({ prefix: "bkg" }).primaryKey(),
    schedule_id: model.text(),
    merchant_id: model.text().nullable(),
    product_id: model.text(),
    variant_id: model.text().nullable(),
    start_at: model.dateTime(),
    end_at: model.dateTime(),
    timezone: model.text(),
    seat: model.number(),
    status: model.enum([...BOOKING_STATUSES]).default("HELD"),
    expires_at: model.dateTime().nullable(),
    cart_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    order_id: model.text().nullable(),
    /** Medusa's order line item (the order line with its lifecycle has the same line_item_id). */
    line_item_id: model.text().nullable(),
    reschedule_count: model.number().default(0),
    rescheduled_from_id: model.text().nullable(),
    rescheduled_to_id: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_booking_active_seat", on: ["schedule_id", "start_at", "seat"], unique: true, where: "status IN ('HELD', 'BOOKED') AND deleted_at IS NULL" },
    { on: ["schedule_id", "start_at"] },
    { on: ["cart_id"] },
    { on: ["order_id"] },
    { on: ["line_item_id"] },
    { on: ["merchant_id", "start_at"] },
    { on: ["status", "expires_at"] },
  ])
