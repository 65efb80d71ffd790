import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { maskPayoutMethod } from "../../lib/payout-method"
import { BOOKING_MODULE } from "../../modules/booking"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import { logAuditFailure, recordAudit } from "./record"

/**
 * Before → after in the audit trail for every admin and merchant change of settings, products, commission
 * rules and the payout account (issue 20 §7). One helper, `auditChange(kind)`, and a table of what each kind
 * of thing looks like (`KINDS`): read it just before the route runs, again once it answered 2xx, write one
 * row `<kind>.create|update|delete` with both. Registered with `methods` so it runs after authentication and
 * the merchant gate (ids and `req.merchantContext` are known), right before the handler. The generic
 * `auditMutations` row is then not written (recordAudit marks the request).
 *
 * Snapshots hold what a reviewer needs to see a change, never secrets: the payout account is masked as
 * staff see it, tax ids and phones keep their last 4 characters (they are encrypted at rest; the trail is
 * not), and recordAudit redacts credential-looking keys on top.
 */
type Snapshot = Record<string, unknown> | null
type Kind = {
  target_type: string
  /** The id of the thing changed, from the request (null on a create: then `createdId` reads the answer). */
  id: (req: MedusaRequest) => string | null | undefined
  createdId?: (body: any) => string | null | undefined
  read: (scope: MedusaContainer, id: string) => Promise<Snapshot>
}

/** The payout account as a reviewer recognises it; key names avoid the redactor's (`iban`, `account_number`). */
function payoutSummary(method: Record<string, any> | null | undefined) {
  const m = maskPayoutMethod(method)
  if (!m) return null
  if (m.type === "stripe_connect") return { type: m.type, stripe_account: m.stripe_account_id }
  return { type: m.type, holder: m.account_holder, country: m.iban_country, ends_with: m.iban_last4 ?? m.account_last4, bic: m.bic }
}

const tail = (v: unknown) => (v === null || v === undefined || v === "" ? v ?? null : `…${String(v).slice(-4)}`)
const withoutTimes = ({ created_at, updated_at, deleted_at, ...row }: Record<string, any>) => row
const param = (name: string) => (req: MedusaRequest) => (req.params as Record<string, string>)?.[name]
const ownMerchant = (req: MedusaRequest) => (req as any).merchantContext?.merchant?.id as string | undefined

async function merchantSnapshot(scope: MedusaContainer, id: string): Promise<Snapshot> {
  const [m] = await (scope.resolve(MARKETPLACE_MODULE) as any).listMerchants({ id })
  if (!m) return null
  return {
    handle: m.handle, display_name: m.display_name, legal_name: m.legal_name, kyc_status: m.kyc_status, country_code: m.country_code,
    tax_regime: m.tax_regime, contact_email: m.contact_email, contact_phone: tail(m.contact_phone), legal_address: m.legal_address ?? null,
    inn: tail(m.inn), trn: tail(m.trn), payout_method: payoutSummary(m.payout_method), fiscal_agent_type: m.fiscal_agent_type ?? null,
    default_locale: m.default_locale ?? null,
  }
}

async function productSnapshot(scope: MedusaContainer, id: string): Promise<Snapshot> {
  const { data: [p] } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product",
    fields: ["id", "title", "subtitle", "handle", "status", "description", "thumbnail", "discountable", "options.title", "options.values.value",
      "variants.id", "variants.title", "variants.sku", "variants.manage_inventory", "variants.prices.amount", "variants.prices.currency_code"],
    filters: { id },
  })
  if (!p) return null
  const { id: _id, ...rest } = p as any
  return {
    ...rest,
    options: (rest.options ?? []).map((o: any) => ({ title: o.title, values: (o.values ?? []).map((v: any) => v.value) })),
    variants: (rest.variants ?? []).map((v: any) => ({
      id: v.id, title: v.title, sku: v.sku, manage_inventory: v.manage_inventory,
      prices: (v.prices ?? []).map((x: any) => ({ currency_code: x.currency_code, amount: x.amount })),
    })),
  }
}

const rowOf = (module: string, list: string) => async (scope: MedusaContainer, id: string): Promise<Snapshot> => {
  const [row] = await (scope.resolve(module) as any)[list]({ id })
  return row ? withoutTimes(row) : null
}

export const KINDS = {
  commission_rule: { target_type: "commission_rule", id: param("id"), createdId: (b) => b?.commission_rule?.id, read: rowOf(MARKETPLACE_MODULE, "listCommissionRules") },
  merchant_by_admin: { target_type: "merchant", id: param("id"), read: merchantSnapshot },
  own_merchant: { target_type: "merchant", id: ownMerchant, read: merchantSnapshot },
  product: { target_type: "product", id: param("id"), createdId: (b) => b?.product?.id, read: productSnapshot },
  staff_member: {
    target_type: "merchant_user", id: param("id"),
    read: async (scope, id) => {
      const [u] = await (scope.resolve(MARKETPLACE_MODULE) as any).listMerchantUsers({ id })
      return u ? { email: u.email, role: u.role, locale: u.locale ?? null } : null
    },
  },
  schedule: { target_type: "booking_schedule", id: param("id"), createdId: (b) => b?.schedule?.id, read: rowOf(BOOKING_MODULE, "listSchedules") },
  course_policy: {
    target_type: "course_policy", id: param("product_id"),
    read: async (scope, productId) => {
      const [row] = await (scope.resolve(COURSE_ACCESS_MODULE) as any).listCoursePolicies({ product_id: productId })
      return row ? withoutTimes(row) : null
    },
  },
  store: {
    target_type: "store", id: param("id"),
    read: async (scope, id) => {
      const { data: [s] } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "store", fields: ["name", "default_sales_channel_id", "default_region_id", "default_location_id", "supported_currencies.currency_code", "supported_currencies.is_default", "metadata"], filters: { id },
      })
      return (s as any) ?? null
    },
  },
} satisfies Record<string, Kind>

/** The middleware for one kind of thing (see KINDS). */
export function auditChange(kindName: keyof typeof KINDS) {
  const kind: Kind = KINDS[kindName]
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const id = kind.id(req) ?? null
    let before: Snapshot = null
    try {
      before = id ? await kind.read(req.scope, id) : null
    } catch (e) {
      logAuditFailure(req, e) // the route still runs (and answers 404 itself when the id is unknown)
    }
    const json = res.json.bind(res)
    res.json = ((body: unknown) => {
      if (res.statusCode >= 400) return json(body)
      const targetId = id ?? kind.createdId?.(body) ?? null
      const write = async () => {
        const after = targetId ? await kind.read(req.scope, targetId) : null
        // A DELETE of a variant or option leaves the product: that is an update of it.
        const verb = id === null ? "create" : after === null ? "delete" : "update"
        await recordAudit(req, {
          action: `${kind.target_type}.${verb}`, target_type: kind.target_type, target_id: targetId,
          before, after: after === null ? null : { ...after, changed: changedKeys(before, after) },
        })
      }
      write().then(() => json(body), (e) => {
        logAuditFailure(req, e)
        json(body)
      })
      return res
    }) as any
    next()
  }
}

/** Top-level fields whose value differs, so the audit page can show what moved at a glance. */
export function changedKeys(before: Snapshot, after: Snapshot): string[] {
  if (!after) return []
  return Object.keys(after).filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after[k] ?? null)).sort()
}

const WRITE = ["POST", "PUT", "PATCH", "DELETE"]
const route = (matcher: string, kind: keyof typeof KINDS, methods = WRITE) => ({ matcher, methods, middlewares: [auditChange(kind)] })

/**
 * Where each kind is changed. KYC moves (approve / reject / suspend) and money actions record their own
 * before → after already; everything else under /admin and /merchant keeps the generic row (route + body).
 */
export const auditChangeRoutes = [
  route("/admin/commission-rules", "commission_rule", ["POST"]),
  route("/admin/commission-rules/:id", "commission_rule"),
  route("/admin/merchants/:id/fiscal-agent", "merchant_by_admin", ["POST"]),
  route("/merchant/me/legal", "own_merchant", ["POST"]),
  route("/merchant/me/payout-method", "own_merchant", ["POST"]),
  route("/admin/products", "product", ["POST"]),
  route("/admin/products/:id", "product"),
  route("/admin/products/:id/variants", "product", ["POST"]),
  route("/admin/products/:id/variants/:variant_id", "product"),
  route("/admin/products/:id/options", "product", ["POST"]),
  route("/admin/products/:id/options/:option_id", "product"),
  route("/merchant/products", "product", ["POST"]),
  route("/merchant/products/:id", "product"),
  route("/merchant/products/:id/variants", "product", ["POST"]),
  route("/merchant/products/:id/variants/:variant_id", "product"),
  route("/merchant/products/:id/options", "product", ["POST"]),
  route("/merchant/products/:id/options/:option_id", "product"),
  route("/merchant/staff/:id", "staff_member"),
  route("/merchant/schedules", "schedule", ["POST"]),
  route("/merchant/schedules/:id", "schedule"),
  route("/merchant/courses/:product_id/policy", "course_policy", ["POST"]),
  route("/admin/stores/:id", "store", ["POST"]),
]
