import { model } from "@medusajs/framework/utils"

/** A device that opened a course recently; the policy's `max_sessions` caps how many are active at once. */
export const CourseSession = model
  .define("course_session", {
    id: model.id({ prefix: "csess" }).primaryKey(),
    grant_id: model.text(),
    device_id: model.text(),
    last_seen_at: model.dateTime(),
  })
  .indexes([{ on: ["grant_id", "device_id"], unique: true }])
