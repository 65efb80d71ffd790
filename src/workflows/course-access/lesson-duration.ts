import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { playlistDurationSeconds } from "../../lib/course-access/consumption"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import type CourseAccessModuleService from "../../modules/course-access/service"
import { courseConsumptionSettings } from "./config"

type LessonLike = { id: string; kind: string; file_id: string; duration_seconds?: number | null }

/**
 * Seconds a lesson weighs in consumption. An HLS lesson is ours, so its duration is its media's
 * (the playlist's EXTINF sum, stored at upload; lessons uploaded before durations existed get it
 * on first need and keep it). A file lesson weighs the reading time its merchant set, else the
 * platform default.
 */
export async function lessonDurationSeconds(container: MedusaContainer, lesson: LessonLike): Promise<number> {
  if (lesson.duration_seconds) return lesson.duration_seconds
  if (lesson.kind === "hls") {
    const playlist = (await container.resolve(Modules.FILE).getAsBuffer(lesson.file_id)).toString("utf8")
    const seconds = playlistDurationSeconds(playlist)
    if (seconds > 0) {
      const courses: CourseAccessModuleService = container.resolve(COURSE_ACCESS_MODULE)
      await courses.updateCourseLessons({ id: lesson.id, duration_seconds: seconds })
      return seconds
    }
  }
  return courseConsumptionSettings().defaultReadingSeconds
}
