import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { accessEnd } from "../../../lib/course-access/refund-rule"
import { watermarkToken } from "../../../lib/course-access/signing"
import { SnailError } from "../../../lib/snail-error"
import { COURSE_ACCESS_MODULE } from "../../../modules/course-access"
import type CourseAccessModuleService from "../../../modules/course-access/service"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"
import { courseSigningKeys, DEFAULT_POLICY } from "../config"

/**
 * The `grant_access` effect of a COURSE line: creates the buyer's grant. Unique per order line,
 * so a second run (a redelivered payment event, a retried move) finds it and creates nothing; the
 * compensation removes only a grant this run created (a failed capture takes the access back).
 */
export const grantCourseAccessStep = createStep(
  "grant-course-access",
  async (input: { line_id: string }, { container }) => {
    const courses: CourseAccessModuleService = container.resolve(COURSE_ACCESS_MODULE)
    const [existing] = await courses.listCourseGrants({ order_line_id: input.line_id })
    if (existing) return new StepResponse({ grant_id: existing.id, created: false }, null)

    const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
    const [line] = await lines.listOrderLines({ id: input.line_id })
    if (!line) throw new SnailError(404, "NOT_FOUND", `Order line ${input.line_id} not found`)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [order] } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "email", "customer_id", "customer.first_name", "customer.last_name",
        "billing_address.first_name", "billing_address.last_name", "shipping_address.first_name", "shipping_address.last_name",
        "items.id", "items.product_id"],
      filters: { id: line.order_id },
    })
    const item = (order?.items ?? []).find((i: any) => i?.id === line.line_item_id) as any
    if (!order || !item?.product_id) throw new SnailError(404, "NOT_FOUND", `The product of course line ${line.id} is unknown`)
    if (!order.customer_id) throw new SnailError(422, "COURSE_BUYER_UNKNOWN", `Order ${order.id} has no customer to grant access to`)
    const [policy] = await courses.listCoursePolicies({ product_id: item.product_id })
    const now = new Date()
    const o: any = order
    const name = [o.customer, o.billing_address, o.shipping_address]
      .map((p: any) => [p?.first_name, p?.last_name].filter(Boolean).join(" ").trim())
      .find((n: string) => n.length > 0)
    const grant = await courses.createCourseGrants({
      order_id: order.id,
      order_line_id: line.id,
      line_item_id: line.line_item_id,
      customer_id: order.customer_id,
      product_id: item.product_id,
      merchant_id: line.merchant_id ?? null,
      status: "ACTIVE",
      granted_at: now,
      expires_at: accessEnd(policy ? policy.access_days : DEFAULT_POLICY.access_days, now),
      watermark_token: "pending",
      buyer_email: order.email ?? "",
      buyer_name: name ?? null,
      order_display_id: o.display_id != null ? String(o.display_id) : null,
    })
    await courses.updateCourseGrants({ id: grant.id, watermark_token: watermarkToken(courseSigningKeys().current, grant.id) })
    return new StepResponse({ grant_id: grant.id, created: true }, grant.id)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    const courses: CourseAccessModuleService = container.resolve(COURSE_ACCESS_MODULE)
    await courses.deleteCourseGrants(createdId)
  }
)
