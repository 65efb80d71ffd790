import { model } from "@medusajs/framework/utils"

/** A merchant's secret iCalendar feed URL token (rotated by the merchant). */
export const CalendarFeed = model
  .define("booking_calendar_feed", {
    id: model.id({ prefix: "bfeed" }).primaryKey(),
    merchant_id: model.text().unique(),
    token: model.text().unique(),
  })
