import { model } from "@medusajs/framework/utils"

export const COURSE_DELIVERIES = ["FILE", "STREAM", "LINK"] as const
export type CourseDelivery = (typeof COURSE_DELIVERIES)[number]

/** How one COURSE product is delivered and for how long, and when a buyer may still get a refund. */
export const CoursePolicy = model
  .define("course_policy", {
    id: model.id({ prefix: "cpol" }).primaryKey(),
    product_id: model.text().unique(),
    merchant_id: model.text().nullable(),
    delivery: model.enum([...COURSE_DELIVERIES]).default("FILE"),
    /** Days of access after the grant; null = lifetime. */
    access_days: model.number().nullable(),
    refund_days: model.number().default(14),
    /** Refunds end when consumption reaches this percent; null = the platform's COURSE_REFUND_MAX_CONSUMED_PERCENT. */
    consumption_threshold_pct: model.number().nullable(),
    /** Concurrent devices allowed; null = unlimited. */
    max_sessions: model.number().nullable(),
    /** LINK delivery: shown to buyers with an active grant only. */
    external_url: model.text().nullable(),
  })
  .indexes([{ on: ["merchant_id"] }])
