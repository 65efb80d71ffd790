import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { isPlaylist, playlistSegments } from "../../lib/course-access/hls"
import { SnailError } from "../../lib/snail-error"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import type { LessonSegment } from "../../modules/course-access/models/course-lesson"
import type CourseAccessModuleService from "../../modules/course-access/service"
import { playlistDurationSeconds } from "../../lib/course-access/consumption"
import { reprojectSoon } from "../../workflows/search/indexer"
import { courseConsumptionSettings, DEFAULT_POLICY, refundThresholdPercent } from "../../workflows/course-access/config"
import type { CoursePolicyBodyType, CreateLessonBodyType, UpdateLessonBodyType } from "./validators"

/**
 * Course content management shared by merchant staff (own products, checked by the caller) and
 * operators. Assets go through Medusa's File Module as PRIVATE files; the lesson keeps only keys.
 */
export async function courseProduct(scope: MedusaContainer, productId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "title", "product_kind.kind", "merchant.id"], filters: { id: productId } })
  const product: any = data[0]
  if (!product) throw new SnailError(404, "NOT_FOUND", `Product ${productId} not found`)
  if (product.product_kind?.kind !== "COURSE") throw new SnailError(422, "COURSE_NOT_A_COURSE", `${product.title} is not a COURSE product`)
  return { id: product.id as string, title: product.title as string, merchant_id: (product.merchant?.id ?? null) as string | null }
}

export function presentPolicy(policy: any | undefined, productId: string) {
  const p = policy ?? { ...DEFAULT_POLICY, product_id: productId }
  return {
    product_id: productId, delivery: p.delivery, access_days: p.access_days ?? null, refund_days: p.refund_days,
    // The threshold in force; `…_is_default` says it follows the platform setting.
    consumption_threshold_pct: refundThresholdPercent(p), consumption_threshold_is_default: p.consumption_threshold_pct == null,
    max_sessions: p.max_sessions ?? null, external_url: p.external_url ?? null,
    is_default: !policy,
  }
}

export function presentLesson(l: any) {
  return {
    id: l.id, product_id: l.product_id, position: l.position, title: l.title, kind: l.kind, filename: l.filename,
    mime_type: l.mime_type, size_bytes: l.size_bytes, segment_count: Array.isArray(l.segments) ? l.segments.length : 0,
    // What the lesson weighs in consumption: media duration (HLS) or reading time (file; default when unset).
    duration_seconds: l.duration_seconds ?? (l.kind === "file" ? courseConsumptionSettings().defaultReadingSeconds : null),
    duration_is_default: l.kind === "file" && !l.duration_seconds,
  }
}

export async function courseContent(scope: MedusaContainer, productId: string) {
  const product = await courseProduct(scope, productId)
  const courses: CourseAccessModuleService = scope.resolve(COURSE_ACCESS_MODULE)
  const [policy] = await courses.listCoursePolicies({ product_id: productId })
  const lessons = await courses.listCourseLessons({ product_id: productId }, { order: { position: "ASC", created_at: "ASC" } })
  return { product, policy: presentPolicy(policy, productId), lessons: lessons.map(presentLesson) }
}

export async function upsertPolicy(scope: MedusaContainer, productId: string, body: CoursePolicyBodyType) {
  const product = await courseProduct(scope, productId)
  const courses: CourseAccessModuleService = scope.resolve(COURSE_ACCESS_MODULE)
  const [existing] = await courses.listCoursePolicies({ product_id: productId })
  const next = { ...DEFAULT_POLICY, ...(existing ?? {}), ...body } as any
  if (next.delivery === "LINK" && !next.external_url) throw new SnailError(400, "INVALID_FIELD", "LINK delivery needs an external_url", "external_url")
  const data = {
    delivery: next.delivery, access_days: next.access_days ?? null, refund_days: next.refund_days,
    consumption_threshold_pct: next.consumption_threshold_pct ?? null, max_sessions: next.max_sessions ?? null, external_url: next.external_url ?? null,
  }
  const policy = existing
    ? await courses.updateCoursePolicies({ id: existing.id, ...data })
    : await courses.createCoursePolicies({ product_id: productId, merchant_id: product.merchant_id, ...data })
  return presentPolicy(policy, productId)
}

function decode(content: string): Buffer {
  const buf = Buffer.from(content.replace(/\s+/g, ""), "base64")
  if (!buf.length) throw new SnailError(400, "COURSE_ASSET_INVALID", "The lesson content is empty", "content_base64")
  return buf
}

export async function createLesson(scope: MedusaContainer, productId: string, body: CreateLessonBodyType) {
  const product = await courseProduct(scope, productId)
  const courses: CourseAccessModuleService = scope.resolve(COURSE_ACCESS_MODULE)
  const files = scope.resolve(Modules.FILE)
  const [policy] = await courses.listCoursePolicies({ product_id: productId })
  const delivery = policy?.delivery ?? DEFAULT_POLICY.delivery
  if (delivery === "LINK") throw new SnailError(422, "COURSE_DELIVERY_MISMATCH", "A LINK course has no lessons to upload")
  if (delivery === "FILE" && body.kind === "hls") throw new SnailError(422, "COURSE_DELIVERY_MISMATCH", "A FILE course takes downloadable files; set delivery STREAM for video", "kind")
  const position = body.position ?? (await courses.listCourseLessons({ product_id: productId }, { select: ["id"] })).length

  // Uploaded first, recorded after; a failed record deletes what was uploaded.
  const uploaded: string[] = []
  const upload = async (filename: string, mimeType: string, content: Buffer) => {
    const file: any = await files.createFiles({ filename: `course-${productId}-${filename}`, mimeType, content: content.toString("base64"), access: "private" } as any)
    uploaded.push(file.id)
    return file.id as string
  }
  try {
    if (body.kind === "file") {
      const content = decode(body.content_base64)
      const fileId = await upload(body.filename, body.mime_type, content)
      const lesson = await courses.createCourseLessons({
        product_id: productId, merchant_id: product.merchant_id, position, title: body.title, kind: "file",
        file_id: fileId, filename: body.filename, mime_type: body.mime_type, size_bytes: content.length, segments: null,
        duration_seconds: body.duration_seconds ?? null,
      })
      // A course is sellable from its first lesson: store listings read that off the search projection.
      await reprojectSoon(scope, [productId], "course.lesson_created")
      return presentLesson(lesson)
    }
    if (!isPlaylist(body.playlist)) throw new SnailError(400, "COURSE_ASSET_INVALID", "The playlist is not an HLS playlist (#EXTM3U)", "playlist")
    const duration = playlistDurationSeconds(body.playlist)
    if (duration < 1) throw new SnailError(400, "COURSE_ASSET_INVALID", "The playlist gives no media duration (#EXTINF), or less than a second", "playlist")
    const wanted = playlistSegments(body.playlist)
    const given = new Map(body.segments.map((s) => [s.name, s]))
    const missing = wanted.filter((n) => !given.has(n))
    if (missing.length || !wanted.length) {
      throw new SnailError(400, "COURSE_ASSET_INVALID", `The playlist names segments that were not uploaded: ${missing.join(", ") || "(none named)"}`, "segments")
    }
    const segments: LessonSegment[] = []
    let size = 0
    for (const name of wanted) {
      const s = given.get(name)!
      const content = decode(s.content_base64)
      size += content.length
      segments.push({ name, file_id: await upload(name, s.mime_type ?? "video/mp2t", content), mime_type: s.mime_type ?? "video/mp2t" })
    }
    const filename = body.filename ?? "index.m3u8"
    const playlistId = await upload(filename, "application/vnd.apple.mpegurl", Buffer.from(body.playlist, "utf8"))
    const lesson = await courses.createCourseLessons({
      product_id: productId, merchant_id: product.merchant_id, position, title: body.title, kind: "hls",
      file_id: playlistId, filename, mime_type: "application/vnd.apple.mpegurl", size_bytes: size, segments: segments as any,
      duration_seconds: duration,
    })
    await reprojectSoon(scope, [productId], "course.lesson_created")
    return presentLesson(lesson)
  } catch (e) {
    if (uploaded.length) await files.deleteFiles(uploaded).catch(() => undefined)
    throw e
  }
}

async function lessonOf(scope: MedusaContainer, productId: string, lessonId: string) {
  const courses: CourseAccessModuleService = scope.resolve(COURSE_ACCESS_MODULE)
  const [lesson] = await courses.listCourseLessons({ id: lessonId, product_id: productId })
  if (!lesson) throw new SnailError(404, "NOT_FOUND", `Lesson ${lessonId} not found`)
  return lesson
}

export async function updateLesson(scope: MedusaContainer, productId: string, lessonId: string, body: UpdateLessonBodyType) {
  await courseProduct(scope, productId)
  const lesson = await lessonOf(scope, productId, lessonId)
  if (body.duration_seconds !== undefined && lesson.kind !== "file") {
    throw new SnailError(422, "COURSE_LESSON_DURATION_FROM_MEDIA", "A video lesson lasts as long as its media; only a file lesson's reading time can be set", "duration_seconds")
  }
  const courses: CourseAccessModuleService = scope.resolve(COURSE_ACCESS_MODULE)
  return presentLesson(await courses.updateCourseLessons({ id: lesson.id, ...body }))
}

export async function deleteLesson(scope: MedusaContainer, productId: string, lessonId: string) {
  await courseProduct(scope, productId)
  const lesson = await lessonOf(scope, productId, lessonId)
  const courses: CourseAccessModuleService = scope.resolve(COURSE_ACCESS_MODULE)
  await courses.deleteCourseLessons(lesson.id)
  await reprojectSoon(scope, [productId], "course.lesson_deleted")
  const keys = [lesson.file_id, ...((lesson.segments as LessonSegment[] | null) ?? []).map((s) => s.file_id)]
  await scope.resolve(Modules.FILE).deleteFiles(keys).catch(() => undefined)
  return { id: lesson.id, object: "course_lesson", deleted: true }
}
