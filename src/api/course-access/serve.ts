import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { rewritePlaylist } from "../../lib/course-access/hls"
import { judgeGrant, signAsset, signedQuery, verifyAsset } from "../../lib/course-access/signing"
import { isWatermarkable, watermarkPdf, watermarkText } from "../../lib/course-access/watermark"
import { SnailError } from "../../lib/snail-error"
import type { ErrorCode } from "../../lib/error-codes"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import type { LessonSegment } from "../../modules/course-access/models/course-lesson"
import type CourseAccessModuleService from "../../modules/course-access/service"
import { courseSigningKeys, courseUrlTtls } from "../../workflows/course-access/config"
import { recordProgressAndConsume } from "../../workflows/course-access/record-lesson-progress"
import { assetPath } from "./buyer"

type Req = AuthenticatedMedusaRequest & { params: Record<string, string> }

// With S3 the provider hands out presigned URLs; local files are streamed by this route.
const presignRedirects = () => !!process.env.S3_BUCKET

/**
 * Serves one lesson asset (download, HLS playlist) or one HLS segment through a signed URL.
 * Every refusal answers 403 with its code and is logged as an access attempt.
 */
export async function serveCourseAsset(req: Req, res: MedusaResponse) {
  const courses: CourseAccessModuleService = req.scope.resolve(COURSE_ACCESS_MODULE)
  const { grant_id, lesson_id, segment } = req.params
  const asset = segment ? `${lesson_id}/${segment}` : lesson_id
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : null
  const refuse = async (code: ErrorCode, message: string, grantKnown: boolean) => {
    await courses.createAccessAttempts({
      grant_id: grantKnown ? grant_id : null, asset: asset.slice(0, 300), code, customer_id: customerId,
      ip: (req.ip ?? "").slice(0, 100) || null, user_agent: String(req.get("user-agent") ?? "").slice(0, 300) || null,
    })
    throw new SnailError(403, code, message)
  }

  const keys = courseSigningKeys()
  const verified = verifyAsset(keys, { grant: grant_id, asset, exp: req.query.exp as any, kid: req.query.kid as any, sig: req.query.sig as any })
  const [grant] = await courses.listCourseGrants({ id: grant_id })
  if (!verified.ok) return refuse(verified.code, verified.message, !!grant)
  const judged = judgeGrant(grant as any, { requesterCustomerId: customerId, buyerOnly: true })
  if (!judged.ok) return refuse(judged.code, judged.message, !!grant)

  const [lesson] = await courses.listCourseLessons({ id: lesson_id, product_id: grant.product_id })
  if (!lesson) return refuse("COURSE_GRANT_NOT_FOUND", "This lesson is not part of the course", true)
  const files = req.scope.resolve(Modules.FILE)
  res.set("Cache-Control", "private, no-store")
  res.set("Access-Control-Allow-Origin", "*") // the URL is the credential; HLS players fetch cross-origin
  res.set("X-Content-Type-Options", "nosniff")

  if (segment) {
    const seg = ((lesson.segments as LessonSegment[] | null) ?? []).find((s) => s.name === segment)
    if (!seg) return refuse("COURSE_GRANT_NOT_FOUND", "No such segment", true)
    if (presignRedirects()) return res.redirect(302, (await files.retrieveFile(seg.file_id)).url)
    res.set("Content-Type", seg.mime_type)
    return res.send(await files.getAsBuffer(seg.file_id))
  }

  if (lesson.kind === "hls") {
    const playlist = (await files.getAsBuffer(lesson.file_id)).toString("utf8")
    const { segment: ttl } = courseUrlTtls()
    const segments = ((lesson.segments as LessonSegment[] | null) ?? []).map((s) => s.name)
    // Each segment lives its own short TTL counted from when the player will need it.
    const body = rewritePlaylist(playlist, segments, (name, startSeconds) => {
      const signed = signAsset(keys, grant.id, `${lesson.id}/${name}`, ttl + startSeconds)
      return `${assetPath(grant.id, `${lesson.id}/${name}`)}?${signedQuery(signed)}`
    }, grant.watermark_token)
    res.set("Content-Type", "application/vnd.apple.mpegurl")
    return res.send(body)
  }

  // A download hands the buyer the whole asset: that lesson counts as consumed in full (and no
  // other lesson does). Recorded before the bytes go out, so a failure serves nothing. Playlists
  // and segments above count nothing: a video is consumed by the player's heartbeats.
  await recordProgressAndConsume(req.scope, { grant_id: grant.id, lesson_id: lesson.id, whole: true })
  const mark = isWatermarkable(lesson.mime_type)
  if (!mark && presignRedirects()) return res.redirect(302, (await files.retrieveFile(lesson.file_id)).url)
  let content: Buffer = await files.getAsBuffer(lesson.file_id)
  const info = { buyer_name: grant.buyer_name ?? "", email: grant.buyer_email, order_number: grant.order_display_id ?? grant.order_id, token: grant.watermark_token }
  if (mark === "pdf") content = await watermarkPdf(content, info)
  if (mark === "text") content = watermarkText(content, info)
  res.set("Content-Type", lesson.mime_type)
  res.set("Content-Disposition", `attachment; filename="${lesson.filename.replace(/"/g, "")}"`)
  return res.send(content)
}
