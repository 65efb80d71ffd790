import { model } from "@medusajs/framework/utils"

export const GRANT_STATUSES = ["ACTIVE", "REVOKED", "EXPIRED"] as const
export type GrantStatus = (typeof GRANT_STATUSES)[number]

/**
 * A buyer's access to one paid course line. Unique per order line: a redelivered payment event
 * finds the grant and changes nothing.
 */
export const CourseGrant = model
  .define("course_grant", {
    id: model.id({ prefix: "cgrant" }).primaryKey(),
    order_id: model.text(),
    order_line_id: model.text().unique(),
    line_item_id: model.text(),
    customer_id: model.text(),
    product_id: model.text(),
    merchant_id: model.text().nullable(),
    status: model.enum([...GRANT_STATUSES]).default("ACTIVE"),
    granted_at: model.dateTime(),
    expires_at: model.dateTime().nullable(),
    revoked_at: model.dateTime().nullable(),
    reason: model.text().nullable(),
    watermark_token: model.text(),
    consumption_pct: model.number().default(0),
    /** What the watermark prints: the buyer and the order number at the time of purchase. */
    buyer_email: model.text(),
    buyer_name: model.text().nullable(),
    order_display_id: model.text().nullable(),
  })
  .indexes([{ on: ["customer_id"] }, { on: ["product_id"] }, { on: ["merchant_id"] }, { on: ["order_id"] }])
