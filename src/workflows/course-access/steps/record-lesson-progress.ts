import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clampPct, consumptionPercent } from "../../../lib/course-access/refund-rule"
import { SnailError } from "../../../lib/snail-error"
import { COURSE_ACCESS_MODULE } from "../../../modules/course-access"
import type CourseAccessModuleService from "../../../modules/course-access/service"

export type LessonProgressInput = { grant_id: string; lesson_id: string; percent: number; position_seconds?: number | null }
type Undo = { progress_id: string; created: boolean; percent: number; position_seconds: number | null; grant_id: string; consumption_pct: number }

/**
 * Records how far the buyer got in a lesson. Progress only grows (a lesson once watched stays
 * watched), so a buyer cannot rewind below the refund threshold. The grant's consumption is
 * derived again from all its lessons.
 */
export const recordLessonProgressStep = createStep(
  "record-lesson-progress",
  async (input: LessonProgressInput, { container }) => {
    const courses: CourseAccessModuleService = container.resolve(COURSE_ACCESS_MODULE)
    const grant = await courses.retrieveCourseGrant(input.grant_id)
    const lessons = await courses.listCourseLessons({ product_id: grant.product_id }, { select: ["id"] })
    if (!lessons.some((l) => l.id === input.lesson_id)) throw new SnailError(404, "NOT_FOUND", `Lesson ${input.lesson_id} is not part of this course`, "lesson_id")
    const [existing] = await courses.listLessonProgresses({ grant_id: grant.id, lesson_id: input.lesson_id })
    const percent = Math.max(existing?.percent ?? 0, clampPct(input.percent))
    const position = input.position_seconds ?? existing?.position_seconds ?? null
    const progress = existing
      ? await courses.updateLessonProgresses({ id: existing.id, percent, position_seconds: position })
      : await courses.createLessonProgresses({ grant_id: grant.id, lesson_id: input.lesson_id, percent, position_seconds: position })
    const all = await courses.listLessonProgresses({ grant_id: grant.id })
    const consumption = Math.max(grant.consumption_pct ?? 0, consumptionPercent(lessons.map((l) => l.id), all))
    if (consumption !== grant.consumption_pct) await courses.updateCourseGrants({ id: grant.id, consumption_pct: consumption })
    const undo: Undo = {
      progress_id: progress.id, created: !existing, percent: existing?.percent ?? 0, position_seconds: existing?.position_seconds ?? null,
      grant_id: grant.id, consumption_pct: grant.consumption_pct ?? 0,
    }
    return new StepResponse({ lesson_percent: percent, consumption_pct: consumption, order_line_id: grant.order_line_id }, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const courses: CourseAccessModuleService = container.resolve(COURSE_ACCESS_MODULE)
    if (undo.created) await courses.deleteLessonProgresses(undo.progress_id)
    else await courses.updateLessonProgresses({ id: undo.progress_id, percent: undo.percent, position_seconds: undo.position_seconds })
    await courses.updateCourseGrants({ id: undo.grant_id, consumption_pct: undo.consumption_pct })
  }
)
