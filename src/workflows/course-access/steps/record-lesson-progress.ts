import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clampIntervals, consumedPercent, coveredMs, lessonCompleted, mergeIntervals, type MsInterval } from "../../../lib/course-access/consumption"
import { SnailError } from "../../../lib/snail-error"
import { COURSE_ACCESS_MODULE } from "../../../modules/course-access"
import type CourseAccessModuleService from "../../../modules/course-access/service"
import { lessonDurationSeconds } from "../lesson-duration"

/**
 * What was consumed of one lesson: media intervals the player played (seconds, validated by the
 * route), or `whole: true` for a download (the asset is the buyer's: all of that lesson, and
 * nothing of any other lesson).
 */
export type LessonProgressInput = {
  grant_id: string
  lesson_id: string
  intervals?: [number, number][]
  whole?: boolean
  position_seconds?: number | null
}
export type LessonProgressResult = {
  lesson: { id: string; watched_seconds: number; duration_seconds: number; position_seconds: number | null; completed: boolean }
  consumption_pct: number
  order_line_id: string
}
type Undo = { progress_id: string; created: boolean; previous: Record<string, unknown>; grant_id: string; consumption_pct: number }

/**
 * Merges the reported intervals into the lesson's watched set (a union: re-watching counts once,
 * nothing reported is ever taken back, so consumption cannot be lowered to regain a refund) and
 * derives the grant's consumption again from every lesson: Σ watched ÷ Σ duration.
 */
export const recordLessonProgressStep = createStep(
  "record-lesson-progress",
  async (input: LessonProgressInput, { container }) => {
    const courses: CourseAccessModuleService = container.resolve(COURSE_ACCESS_MODULE)
    const grant = await courses.retrieveCourseGrant(input.grant_id)
    const lessons = await courses.listCourseLessons({ product_id: grant.product_id }, { select: ["id", "kind", "file_id", "duration_seconds"] })
    const lesson = lessons.find((l) => l.id === input.lesson_id)
    if (!lesson) throw new SnailError(404, "NOT_FOUND", `Lesson ${input.lesson_id} is not part of this course`, "lesson_id")
    const durations = new Map<string, number>()
    for (const l of lessons) durations.set(l.id, await lessonDurationSeconds(container, l as any))
    const duration = durations.get(lesson.id)!

    const all = await courses.listLessonProgresses({ grant_id: grant.id })
    const existing = all.find((p) => p.lesson_id === lesson.id)
    const reported: MsInterval[] = input.whole ? [[0, duration * 1000]] : clampIntervals(input.intervals ?? [], duration)
    const watched = mergeIntervals((existing?.watched as MsInterval[] | null) ?? [], reported)
    const watchedMs = coveredMs(watched, duration)
    const position = input.position_seconds === undefined || input.position_seconds === null
      ? existing?.position_seconds ?? null
      : Math.min(duration, Math.max(0, Math.floor(input.position_seconds)))
    const data = { watched: watched as any, watched_ms: watchedMs, percent: Math.floor((100 * watchedMs) / (duration * 1000)), position_seconds: position }
    const progress = existing
      ? await courses.updateLessonProgresses({ id: existing.id, ...data })
      : await courses.createLessonProgresses({ grant_id: grant.id, lesson_id: lesson.id, ...data })

    const watchedBy = new Map(all.map((p) => [p.lesson_id, coveredMs((p.watched as MsInterval[] | null) ?? [], durations.get(p.lesson_id) ?? 0)]))
    watchedBy.set(lesson.id, watchedMs)
    const derived = consumedPercent(lessons.map((l) => ({ duration_seconds: durations.get(l.id)!, watched_ms: watchedBy.get(l.id) ?? 0 })))
    // Never lower: a lesson added (or lengthened) later must not reopen a refund already closed.
    const consumption = Math.max(grant.consumption_pct ?? 0, derived)
    if (consumption !== grant.consumption_pct) await courses.updateCourseGrants({ id: grant.id, consumption_pct: consumption })

    const undo: Undo = {
      progress_id: progress.id, created: !existing, grant_id: grant.id, consumption_pct: grant.consumption_pct ?? 0,
      previous: existing ? { watched: existing.watched, watched_ms: existing.watched_ms, percent: existing.percent, position_seconds: existing.position_seconds } : {},
    }
    return new StepResponse<LessonProgressResult, Undo>({
      lesson: { id: lesson.id, watched_seconds: watchedMs / 1000, duration_seconds: duration, position_seconds: position, completed: lessonCompleted(watchedMs, duration) },
      consumption_pct: consumption,
      order_line_id: grant.order_line_id,
    }, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const courses: CourseAccessModuleService = container.resolve(COURSE_ACCESS_MODULE)
    if (undo.created) await courses.deleteLessonProgresses(undo.progress_id)
    else await courses.updateLessonProgresses({ id: undo.progress_id, ...undo.previous })
    await courses.updateCourseGrants({ id: undo.grant_id, consumption_pct: undo.consumption_pct })
  }
)
