import { z } from "@medusajs/framework/zod"

const base64 = z.string().min(1).max(80 * 1024 * 1024).regex(/^[A-Za-z0-9+/=\s]+$/, "not base64")
const safeName = z.string().min(1).max(120).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, dash and underscore only")

/** Reading time of a file lesson in seconds (what it weighs in consumption); null = the platform default. */
const durationSeconds = z.number().int().positive().max(7 * 24 * 3600)

export const CoursePolicyBody = z
  .object({
    delivery: z.enum(["FILE", "STREAM", "LINK"]).optional(),
    access_days: z.number().int().positive().max(36500).nullable().optional(),
    refund_days: z.number().int().min(0).max(3650).optional(),
    /** null: follow the platform's COURSE_REFUND_MAX_CONSUMED_PERCENT. */
    consumption_threshold_pct: z.number().int().min(0).max(100).nullable().optional(),
    max_sessions: z.number().int().positive().max(100).nullable().optional(),
    external_url: z.string().url().max(2000).nullable().optional(),
  })
  .strict()
export type CoursePolicyBodyType = z.infer<typeof CoursePolicyBody>

export const CreateLessonBody = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("file"),
    title: z.string().min(1).max(200),
    position: z.number().int().min(0).optional(),
    filename: safeName,
    mime_type: z.string().min(3).max(100),
    content_base64: base64,
    duration_seconds: durationSeconds.nullable().optional(),
  }).strict(),
  z.object({
    kind: z.literal("hls"),
    title: z.string().min(1).max(200),
    position: z.number().int().min(0).optional(),
    filename: safeName.optional(),
    playlist: z.string().min(8).max(1024 * 1024),
    segments: z.array(z.object({ name: safeName, mime_type: z.string().min(3).max(100).optional(), content_base64: base64 }).strict()).min(1).max(2000),
  }).strict(),
])
export type CreateLessonBodyType = z.infer<typeof CreateLessonBody>

export const UpdateLessonBody = z
  .object({ title: z.string().min(1).max(200).optional(), position: z.number().int().min(0).optional(), duration_seconds: durationSeconds.nullable().optional() })
  .strict()
export type UpdateLessonBodyType = z.infer<typeof UpdateLessonBody>

const mediaSecond = z.number().finite().min(-1e7).max(1e7)
/**
 * A player heartbeat: the media intervals played since the last one, in seconds, and where the
 * player is now. Only the shape is checked here; the route refuses implausible intervals with
 * their own codes (src/api/course-access/progress.ts).
 */
export const LessonProgressBody = z
  .object({
    intervals: z.array(z.tuple([mediaSecond, mediaSecond])).max(1000),
    position_seconds: z.number().finite().min(0).max(1e7).nullable().optional(),
  })
  .strict()
export type LessonProgressBodyType = z.infer<typeof LessonProgressBody>

export const CourseRefundBody = z.object({ reason: z.string().max(500).optional() }).strict()
export type CourseRefundBodyType = z.infer<typeof CourseRefundBody>

export const RevokeGrantBody = z.object({ reason: z.string().min(3).max(500) }).strict()
export type RevokeGrantBodyType = z.infer<typeof RevokeGrantBody>

export const LessonUrlBody = z.object({ device_id: z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/).optional() }).strict()
export type LessonUrlBodyType = z.infer<typeof LessonUrlBody>
