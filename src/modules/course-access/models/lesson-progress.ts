import { model } from "@medusajs/framework/utils"

/**
 * What a buyer watched of one lesson: the union of the media intervals the player reported
 * (`watched`: sorted, disjoint `[from_ms, to_ms)` pairs), its length `watched_ms`, the percent of
 * the lesson that is (derived, for display) and the player's last position (for resume).
 */
export const LessonProgress = model
  .define("course_lesson_progress", {
    id: model.id({ prefix: "cprog" }).primaryKey(),
    grant_id: model.text(),
    lesson_id: model.text(),
    percent: model.number().default(0),
    position_seconds: model.number().nullable(),
    watched: model.json().nullable(),
    watched_ms: model.number().default(0),
  })
  .indexes([{ on: ["grant_id", "lesson_id"], unique: true }])
