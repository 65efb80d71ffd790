import { model } from "@medusajs/framework/utils"

export const LESSON_KINDS = ["file", "hls"] as const
export type LessonKind = (typeof LESSON_KINDS)[number]
export type LessonSegment = { name: string; file_id: string; mime_type: string }

/**
 * One lesson of a course product. `file_id` is the File Module key of the asset (for HLS: the
 * playlist); HLS segments are files of their own, listed in `segments` by the name the playlist uses.
 */
export const CourseLesson = model
  .define("course_lesson", {
    id: model.id({ prefix: "clsn" }).primaryKey(),
    product_id: model.text(),
    merchant_id: model.text().nullable(),
    position: model.number().default(0),
    title: model.text(),
    kind: model.enum([...LESSON_KINDS]).default("file"),
    file_id: model.text(),
    filename: model.text(),
    mime_type: model.text(),
    size_bytes: model.number().default(0),
    segments: model.json().nullable(),
    /**
     * Seconds this lesson weighs in the course's consumption: an HLS lesson's media duration (sum of
     * its playlist's EXTINF, set at upload); for a file, the reading time the merchant sets (null =
     * the platform default, COURSE_DEFAULT_READING_SECONDS).
     */
    duration_seconds: model.number().nullable(),
  })
  .indexes([{ on: ["product_id", "position"] }])
