import { z } from "@medusajs/framework/zod"

const base64 = z.string().min(1).max(80 * 1024 * 1024).regex(/^[A-Za-z0-9+/=\s]+$/, "not base64")
const safeName = z.string().min(1).max(120).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, dash and underscore only")

export const CoursePolicyBody = z
  .object({
    delivery: z.enum(["FILE", "STREAM", "LINK"]).optional(),
    access_days: z.number().int().positive().max(36500).nullable().optional(),
    refund_days: z.number().int().min(0).max(3650).optional(),
    consumption_threshold_pct: z.number().int().min(0).max(100).optional(),
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

export const UpdateLessonBody = z.object({ title: z.string().min(1).max(200).optional(), position: z.number().int().min(0).optional() }).strict()
export type UpdateLessonBodyType = z.infer<typeof UpdateLessonBody>

export const LessonProgressBody = z
  .object({ percent: z.number().min(0).max(100), position_seconds: z.number().min(0).max(1e7).nullable().optional() })
  .strict()
export type LessonProgressBodyType = z.infer<typeof LessonProgressBody>

export const CourseRefundBody = z.object({ reason: z.string().max(500).optional() }).strict()
export type CourseRefundBodyType = z.infer<typeof CourseRefundBody>

export const RevokeGrantBody = z.object({ reason: z.string().min(3).max(500) }).strict()
export type RevokeGrantBodyType = z.infer<typeof RevokeGrantBody>

export const LessonUrlBody = z.object({ device_id: z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/).optional() }).strict()
export type LessonUrlBodyType = z.infer<typeof LessonUrlBody>
