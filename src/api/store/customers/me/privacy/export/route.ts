import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PRIVACY_MODULE } from "../../../../../../modules/privacy"
import type PrivacyModuleService from "../../../../../../modules/privacy/service"
import { sessions } from "../../../../../sessions/state"

/**
 * GET /store/customers/me/privacy/export — everything the platform holds about the signed-in customer
 * (GDPR art. 15/20), as one JSON download: profile, saved addresses, orders with their lines and
 * addresses, sign-in sessions, e-mail verification and earlier privacy requests.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [customer] } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "phone", "company_name", "created_at", "metadata", "addresses.*"],
    filters: { id: customerId },
  })
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "created_at", "email", "currency_code", "status", "items.title", "items.quantity", "items.unit_price",
      "shipping_address.*", "billing_address.*"],
    filters: { customer_id: customerId },
  })
  const ctx = req.auth_context as any
  const sessionRows = await sessions(req).listForIdentity(ctx.auth_identity_id, "customer", true)
  const verifiedAt = customer?.email ? await sessions(req).emailVerifiedAt(ctx.auth_identity_id, "customer", customer.email) : null
  const privacy: PrivacyModuleService = req.scope.resolve(PRIVACY_MODULE)
  await privacy.createPrivacyRequests({ customer_id: customerId, kind: "EXPORT", status: "COMPLETED", completed_at: new Date(), completed_by: customerId })
  const requests = await privacy.listPrivacyRequests({ customer_id: customerId }, { order: { created_at: "ASC" } })
  res.setHeader("Content-Disposition", `attachment; filename="my-data-${new Date().toISOString().slice(0, 10)}.json"`)
  res.json({
    exported_at: new Date().toISOString(),
    customer,
    orders,
    sessions: sessionRows.map(({ id, user_agent, ip, created_at, last_used_at, revoked_at, revoked_reason }) =>
      ({ id, user_agent, ip, created_at, last_used_at, revoked_at, revoked_reason })),
    email_verification: { email: customer?.email ?? null, verified_at: verifiedAt },
    privacy_requests: requests.map(({ id, kind, status, created_at, completed_at }) => ({ id, kind, status, created_at, completed_at })),
  })
}
