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
import { courseRefundDecision } from "../../workflows/course-access/refund-facts"
import { presentLesson, presentPolicy } from "./content"

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

/** Everything the buyer's library shows for one grant. */
export async function presentGrant(scope: MedusaContainer, grant: any) {
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
  const judged = judgeGrant(grant, {})
  const status = judged.ok ? "ACTIVE" : judged.code === "COURSE_GRANT_EXPIRED" ? "EXPIRED" : grant.status
  const refund = await courseRefundDecision(scope, grant.order_line_id)
  const refundable = refund.allowed && (line?.state === "ACCESS_GRANTED" || line?.state === "PAID") && status === "ACTIVE"
  const pol = presentPolicy(policy, grant.product_id)
  const byLesson = new Map(progress.map((p) => [p.lesson_id, p]))
  return {
    id: grant.id,
    order_id: grant.order_id,
    order_display_id: grant.order_display_id,
    order_line_id: grant.order_line_id,
    line_state: line?.state ?? null,
    product: product ? { id: product.id, title: product.title, thumbnail: (product as any).thumbnail ?? null, handle: (product as any).handle } : { id: grant.product_id },
    status,
    granted_at: grant.granted_at,
    expires_at: grant.expires_at,
    revoked_at: grant.revoked_at,
    reason: grant.reason,
    consumption_pct: grant.consumption_pct ?? 0,
    policy: { ...pol, external_url: status === "ACTIVE" && pol.delivery === "LINK" ? pol.external_url : null },
    lessons: lessons.map((l) => ({ ...presentLesson(l), percent: byLesson.get(l.id)?.percent ?? 0, position_seconds: byLesson.get(l.id)?.position_seconds ?? null })),
    refund: refundable
      ? { allowed: true, window_ends_at: refund.window_ends_at }
      : {
          allowed: false,
          window_ends_at: refund.window_ends_at,
          code: refund.allowed ? "COURSE_REFUND_NOT_POSSIBLE" : refund.code,
          message: refund.allowed ? `The course line is ${line?.state ?? "unknown"}${status !== "ACTIVE" ? ` and access is ${status}` : ""}` : refund.message,
        },
  }
}

export const DEFAULT_DELIVERY = DEFAULT_POLICY.delivery
