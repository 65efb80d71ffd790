import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planReceipts, PlanLine, Trigger } from "../../../lib/fiscal/plan"
import { lineAmountMinor, LINE_AMOUNT_FIELDS, lineQuantity, orderItemAmounts } from "../../../lib/order-items"
import { PRODUCT_VAT_METADATA_KEY } from "../../../lib/fiscal/vat"
import { defaultAgentType } from "../../../lib/fiscal/receipt"
import { toMinor } from "../../../lib/money"
import { FISCAL_MODULE } from "../../../modules/fiscal"
import type FiscalModuleService from "../../../modules/fiscal/service"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"

export type PlanReceiptsInput = { order_id: string; trigger: Trigger; now?: Date }

/** Orders fiscalized under 54-FZ: those settled in roubles (the Russia region). */
export const FISCAL_CURRENCY = "rub"

const ENDED_STATES = new Set(["CANCELLED", "REFUNDED"])

/**
 * Gathers the order, its lines, merchants and existing receipts, asks planReceipts what the event
 * calls for, and writes each receipt to the outbox (idempotent on its key). Returns the receipt ids.
 */
export const planFiscalReceiptsStep = createStep("plan-fiscal-receipts", async (input: PlanReceiptsInput, { container }) => {
  // Planning reads the order's receipts and writes the ones missing: two triggers of one order at once
  // (the order placed, a course line captured a moment later) would both read "none yet" and both
  // write a receipt for the same line under different keys — the buyer's payment fiscalized twice
  // (seen under load in fiscal-receipts.spec). One planner per order at a time.
  const ids = await container.resolve(Modules.LOCKING).execute(`fiscal-plan:${input.order_id}`, () => planAndEnqueue(input, container), { timeout: 60 })
  return new StepResponse(ids)
})

async function planAndEnqueue(input: PlanReceiptsInput, container: MedusaContainer): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fiscal: FiscalModuleService = container.resolve(FISCAL_MODULE)
  const orderLines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "email", "created_at", "shipping_address.phone", "billing_address.phone",
      "items.id", "items.title", "items.product_title", "items.product_id", ...LINE_AMOUNT_FIELDS,
      "shipping_methods.id", "shipping_methods.name", "shipping_methods.amount", "shipping_methods.is_tax_inclusive",
      "shipping_methods.adjustments.amount", "shipping_methods.tax_lines.rate"],
    filters: { id: input.order_id },
  })
  if (!order || String(order.currency_code).toLowerCase() !== FISCAL_CURRENCY) return []

  const lines = await orderLines.listOrderLines({ order_id: order.id })
  const items = new Map<string, any>((order.items ?? []).filter(Boolean).map((i: any) => [i.id, i] as [string, any]))
  const productIds = [...new Set([...items.values()].map((i) => i.product_id).filter(Boolean))] as string[]
  const { data: products } = productIds.length
    ? await query.graph({
        entity: "product",
        fields: ["id", "metadata", "merchant.id", "merchant.inn", "merchant.legal_name", "merchant.contact_phone", "merchant.tax_regime", "merchant.fiscal_agent_type"],
        filters: { id: productIds },
      })
    : { data: [] as any[] }
  const productById = new Map<string, any>(products.map((p: any) => [p.id, p] as [string, any]))
  const ownRegister = new Map<string, boolean>()
  for (const m of new Set(lines.map((l) => l.merchant_id).filter(Boolean) as string[])) ownRegister.set(m, await fiscal.hasOwnRegister(m))

  // What each line captures (the order's discount allocated by largest remainder): receipts match the money.
  const amounts = orderItemAmounts([...items.values()], order.currency_code)
  const planLines: PlanLine[] = lines.flatMap((line) => {
    const item = items.get(line.line_item_id)
    if (!item) return []
    const product = item.product_id ? productById.get(item.product_id) : undefined
    const merchant = product?.merchant
    const own = merchant?.id ? ownRegister.get(merchant.id) : false
    return [{
      line_id: line.id,
      title: item.product_title || item.title || "Item",
      kind: line.kind as any,
      quantity: lineQuantity(item),
      amount_minor: amounts.get(item.id)?.total ?? lineAmountMinor(item, order.currency_code),
      tax_regime: merchant?.tax_regime ?? "VAT_PAYER",
      product_vat_rate: product?.metadata?.[PRODUCT_VAT_METADATA_KEY],
      supplier: merchant && !own ? { inn: merchant.inn ?? "", name: merchant.legal_name, phones: merchant.contact_phone ? [merchant.contact_phone] : [] } : undefined,
      // The platform's role from the merchant's contract, else the platform default (issue 17 §2).
      agent_type: merchant && !own ? merchant.fiscal_agent_type ?? defaultAgentType() : undefined,
      // An ended line keeps what was captured and not refunded (a late-cancellation fee); voided = nothing.
      kept_minor: ENDED_STATES.has(line.state)
        ? Math.max(0, toMinor((line.captured_amount as any) ?? 0, order.currency_code) - toMinor((line.refunded_amount as any) ?? 0, order.currency_code))
        : undefined,
      state: line.state,
      issuer: own ? merchant.id : "platform",
    }]
  })

  const existing = await fiscal.listFiscalReceipts({ order_id: order.id })
  const planned = planReceipts({
    order_id: order.id,
    trigger: input.trigger,
    lines: planLines,
    existing: existing.map((r) => ({ settlement: r.settlement, status: r.status, document: r.document as any, created_at: r.created_at })),
    client: { email: order.email, phone: (order as any).shipping_address?.phone ?? (order as any).billing_address?.phone },
    now: input.now ?? new Date(),
    order_created_at: new Date(order.created_at as any),
    shipping: ((order as any).shipping_methods ?? []).filter(Boolean).map((m: any) => ({
      id: m.id,
      name: m.name,
      amount_minor: lineAmountMinor({ unit_price: m.amount, quantity: 1, is_tax_inclusive: m.is_tax_inclusive, adjustments: m.adjustments, tax_lines: m.tax_lines }, order.currency_code),
    })),
    platform_tax_regime: fiscal.platformTaxRegime() as any,
  })
  const ids: string[] = []
  for (const p of planned) {
    const row = await fiscal.enqueue({ order_id: order.id, issuer: p.issuer, idempotency_key: p.idempotency_key, document: p.document, line_ids: p.line_ids, currency_code: order.currency_code })
    ids.push(row.id)
  }
  return ids
}
