import { model } from "@medusajs/framework/utils"

/** How far a buyer got in one lesson (0–100 %, and the player's position when it reports one). */
export const LessonProgress = model
  .define("course_lesson_progress", {
    id: model.id({ prefix: "cprog" }).primaryKey(),
    grant_id: model.text(),
    lesson_id: model.text(),
    percent: model.number().default(0),
    position_seconds: model.number().nullable(),
  })
  .indexes([{ on: ["grant_id", "lesson_id"], unique: true }])
