import type { MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { judgeGrant, signAsset, signedQuery } from "../../lib/course-access/signing"
import { SnailError } from "../../lib/snail-error"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import type CourseAccessModuleService from "../../modules/course-access/service"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { courseSigningKeys, courseUrlTtls, DEFAULT_POLICY } from "../../workflows/course-access/config"
import { lessonCompleted } from "../../lib/course-access/consumption"
import { lessonDurationSeconds } from "../../workflows/course-access/lesson-duration"
import { courseRefundDecision } from "../../workflows/course-access/refund-facts"
import { presentLesson, presentPolicy } from "./content"
import { orderItemNames } from "../../workflows/catalog/item-titles"

/** 404 unless the grant is the signed-in customer's own. */
export async function buyersGrant(scope: MedusaContainer, grantId: string, customerId: string) {
  const courses: CourseAccessModuleService = scope.resolve(COURSE_ACCESS_MODULE)
  const [grant] = await courses.listCourseGrants({ id: grantId })
  if (!grant || grant.customer_id !== customerId) throw new SnailError(404, "NOT_FOUND", `Course access ${grantId} not found`)
  return grant
}

/** Where signed asset URLs point: COURSE_ASSET_BASE_URL, else the host the request came to. */
export function assetBaseUrl(req: MedusaRequest): string {
  const configured = process.env.COURSE_ASSET_BASE_URL
  if (configured) return configured.replace(/\/$/, "")
  return `${req.protocol}://${req.get("host")}`
}

export function assetPath(grantId: string, asset: string) {
  return `/course-assets/${encodeURIComponent(grantId)}/${asset.split("/").map(encodeURIComponent).join("/")}`
}

/** A short-lived signed URL for one lesson (download, or the HLS playlist). */
export function signedLessonUrl(req: MedusaRequest, grantId: string, lessonId: string) {
  const { asset } = courseUrlTtls()
  const signed = signAsset(courseSigningKeys(), grantId, lessonId, asset)
  return { url: `${assetBaseUrl(req)}${assetPath(grantId, lessonId)}?${signedQuery(signed)}`, expires_at: new Date(signed.exp * 1000).toISOString() }
}

/** Everything the buyer's library shows for one grant; the course's name in `readerLocale` when the catalogue has it. */
export async function presentGrant(scope: MedusaContainer, grant: any, readerLocale?: string | null) {
  const courses: CourseAccessModuleService = scope.resolve(COURSE_ACCESS_MODULE)
  const lines: OrderLinesModuleService = scope.resolve(ORDER_LINES_MODULE)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [[policy], lessons, progress, [line], { data: [product] }] = await Promise.all([
    courses.listCoursePolicies({ product_id: grant.product_id }),
    courses.listCourseLessons({ product_id: grant.product_id }, { order: { position: "ASC", created_at: "ASC" } }),
    courses.listLessonProgresses({ grant_id: grant.id }),
    lines.listOrderLines({ id: grant.order_line_id }),
    query.graph({ entity: "product", fields: ["id", "title", "thumbnail", "handle"], filters: { id: grant.product_id } }),
  ])
  const { status, refund } = await refundStatus(scope, grant, line?.state ?? null)
  const named = readerLocale && line ? (await orderItemNames(scope, grant.order_id, readerLocale)).get(line.line_item_id) : undefined
  const pol = presentPolicy(policy, grant.product_id)
  const byLesson = new Map(progress.map((p) => [p.lesson_id, p]))
  const durations = await Promise.all(lessons.map((l) => lessonDurationSeconds(scope, l as any)))
  return {
    id: grant.id,
    order_id: grant.order_id,
    order_display_id: grant.order_display_id,
    order_line_id: grant.order_line_id,
    line_state: line?.state ?? null,
    product: product ? { id: product.id, title: named?.product_title ?? product.title, thumbnail: (product as any).thumbnail ?? null, handle: (product as any).handle } : { id: grant.product_id },
    status,
    granted_at: grant.granted_at,
    expires_at: grant.expires_at,
    revoked_at: grant.revoked_at,
    reason: grant.reason,
    consumption_pct: grant.consumption_pct ?? 0,
    consumed_percent: grant.consumption_pct ?? 0,
    policy: { ...pol, external_url: status === "ACTIVE" && pol.delivery === "LINK" ? pol.external_url : null },
    // For resume and progress bars: where the player was, and unique seconds watched of how many.
    lessons: lessons.map((l, i) => {
      const p = byLesson.get(l.id)
      const watchedMs = Math.min(p?.watched_ms ?? 0, durations[i] * 1000)
      return {
        ...presentLesson(l), duration_seconds: durations[i], position_seconds: p?.position_seconds ?? null,
        watched_seconds: watchedMs / 1000, percent: p?.percent ?? 0, completed: lessonCompleted(watchedMs, durations[i]),
      }
    }),
    refund,
  }
}

/**
 * Whether the buyer may ask for a refund now, and why not: the refund rule (window, consumption
 * threshold) plus the line and the grant being in a refundable state.
 */
export async function refundStatus(scope: MedusaContainer, grant: any, lineState: string | null) {
  const judged = judgeGrant(grant, {})
  const status: string = judged.ok ? "ACTIVE" : judged.code === "COURSE_GRANT_EXPIRED" ? "EXPIRED" : grant.status
  const decision = await courseRefundDecision(scope, grant.order_line_id)
  const refundable = decision.allowed && (lineState === "ACCESS_GRANTED" || lineState === "PAID") && status === "ACTIVE"
  const refund = refundable
    ? { allowed: true as const, window_ends_at: decision.window_ends_at }
    : {
        allowed: false as const,
        window_ends_at: decision.window_ends_at,
        code: decision.allowed ? "COURSE_REFUND_NOT_POSSIBLE" : decision.code,
        message: decision.allowed ? `The course line is ${lineState ?? "unknown"}${status !== "ACTIVE" ? ` and access is ${status}` : ""}` : decision.message,
      }
  return { status, refund }
}

export const DEFAULT_DELIVERY = DEFAULT_POLICY.delivery
