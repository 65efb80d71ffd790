import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SNAIL_EVENTS } from "../../lib/events"
import { toMinor } from "../../lib/money"
import { orderItemAmounts } from "../../lib/order-items"
import { isValidTrn } from "../../lib/tax-ids"
import {
  computeLine, invoiceKind, isVatRegisteredAE, rateOf, sumLines, toAedMinor, type VatTreatment,
} from "../../lib/vat-ae"
import { VAT_AE_MODULE } from "../../modules/vat-ae"
import type VatAeModuleService from "../../modules/vat-ae/service"
import { productVatFacts } from "./product-facts"

const CODE_TREATMENT: Record<string, VatTreatment> = { SR: "STANDARD", ZR: "ZERO_RATED", EX: "EXEMPT", OS: "OUT_OF_SCOPE" }

const ORDER_FIELDS = [
  "id", "display_id", "currency_code", "created_at", "email", "customer_id", "metadata",
  "shipping_address.*", "billing_address.*",
  // "items.quantity" alone comes back empty: the quantity lives on the order item detail that "items.*" joins.
  "items.*", "items.adjustments.amount", "items.tax_lines.code", "items.tax_lines.rate",
]

/** Medusa hands quantities as numbers or BigNumber-likes. */
function plainNumber(v: any): number {
  if (v && typeof v === "object") return Number(v.numeric ?? v.value ?? String(v))
  return Number(v)
}

function addressOf(a: any) {
  if (!a) return null
  return {
    name: [a.first_name, a.last_name].filter(Boolean).join(" ") || null,
    company: a.company ?? null,
    address_1: a.address_1 ?? null, address_2: a.address_2 ?? null, city: a.city ?? null,
    province: a.province ?? null, postal_code: a.postal_code ?? null, country_code: a.country_code ?? null,
  }
}

/**
 * One tax invoice per VAT-registered UAE supplier in the order, for the supplies UAE VAT applies to
 * (issue 17 §4): lines our UAE VAT provider taxed at checkout (its tax line code names the treatment
 * it charged), except those it found outside the scope of UAE VAT. A line priced in a region on
 * another tax provider (a buyer paying EUR or RUB outside the UAE) was charged no UAE VAT and is no
 * UAE supply here: no invoice shows VAT that was never charged. Each line's amounts are the ones its
 * capture takes (orderItemAmounts: the order's discount allocated by largest remainder, VAT half up
 * per line), so the invoice's payable total is what the buyer is charged for its lines, to the fils.
 * Idempotent: a second run issues nothing.
 */
export async function issueInvoicesForOrder(container: MedusaContainer, orderId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const vat = container.resolve<VatAeModuleService>(VAT_AE_MODULE)
  const { data: [order] } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  if (!order) return []
  const o = order as any
  const currency = String(o.currency_code)
  const items = (o.items ?? []) as any[]
  const facts = await productVatFacts(container, items.map((i) => i.product_id))

  const bySupplier = new Map<string, any[]>()
  for (const item of items) {
    const merchant = facts.get(item.product_id)?.merchant
    if (!merchant || !isVatRegisteredAE(merchant)) continue
    const charged = chargedTreatment(item)
    if (!charged || charged === "OUT_OF_SCOPE") continue
    bySupplier.set(merchant.id, [...(bySupplier.get(merchant.id) ?? []), item])
  }
  if (!bySupplier.size) return []

  const fx = await vat.exchangeRate(currency)
  if (!fx) throw new Error(`No AED exchange rate for ${currency.toUpperCase()} (docs/vat-ae.md: configure VAT_AE_FIXED_RATES or the admin table)`)
  const now = new Date()
  const buyerTrn = typeof o.metadata?.buyer_trn === "string" && isValidTrn(o.metadata.buyer_trn) ? o.metadata.buyer_trn : null
  const locations = await supplierAddresses(container, [...bySupplier.keys()])
  const ids: string[] = []

  const amountsOf = orderItemAmounts(items.filter(Boolean), currency)
  for (const [supplierId, supplierItems] of bySupplier) {
    const f0 = facts.get(supplierItems[0].product_id)!
    const merchant = f0.merchant!
    const lines = supplierItems.map((item) => {
      const charged = chargedTreatment(item)!
      const resolved = { treatment: charged, rate_bps: rateOf(charged), reason: "as charged at checkout" }
      const captures = amountsOf.get(item.id)
      const discount = captures?.discount ?? 0
      const rounded = computeLine({
        unit_price_minor: toMinor(item.unit_price, currency),
        quantity: plainNumber(item.quantity),
        discount_minor: discount,
        tax_inclusive: !!item.is_tax_inclusive,
        rate_bps: resolved.rate_bps,
      })
      // The VAT this line captures: per line half up, except where that would add up to more than Medusa
      // authorized for the order — then order-items fits it a fils down (src/lib/order-items.ts).
      const amounts = !item.is_tax_inclusive && captures && captures.taxable === rounded.taxable_minor && Math.abs(captures.tax - rounded.vat_minor) <= 1
        ? { ...rounded, vat_minor: captures.tax, total_minor: rounded.taxable_minor + captures.tax }
        : rounded
      return {
        line_item_id: item.id,
        description: [item.product_title ?? item.title, item.variant_title && item.variant_title !== "Default" ? item.variant_title : null].filter(Boolean).join(" — "),
        quantity: plainNumber(item.quantity),
        unit_price_minor: amounts.unit_price_excl_minor,
        discount_minor: amounts.discount_minor,
        taxable_minor: amounts.taxable_minor,
        treatment: resolved.treatment,
        treatment_reason: resolved.reason,
        rate_bps: resolved.rate_bps,
        vat_minor: amounts.vat_minor,
        total_minor: amounts.total_minor,
        _amounts: amounts,
      }
    })
    const totals = sumLines(lines.map((l) => ({ ...l._amounts, treatment: l.treatment })))
    const totalAed = toAedMinor(totals.total_minor, currency, fx.rate)
    const byT = (t: VatTreatment) => totals.by_treatment[t].taxable_minor
    const result = await vat.issueInvoice({
      order_id: o.id,
      supplier_id: supplierId,
      supplier_handle: merchant.handle,
      invoice: {
        kind: invoiceKind(totalAed, buyerTrn),
        order_display_id: o.display_id != null ? String(o.display_id) : null,
        customer_id: o.customer_id ?? null,
        supplier: {
          name: merchant.legal_name, display_name: merchant.display_name, trn: merchant.trn,
          address: locations.get(supplierId) ?? { country_code: merchant.country_code }, email: merchant.contact_email ?? null,
        },
        recipient: {
          name: addressOf(o.billing_address)?.name ?? addressOf(o.shipping_address)?.name ?? o.email,
          email: o.email ?? null, trn: buyerTrn,
          address: addressOf(o.billing_address) ?? addressOf(o.shipping_address),
        },
        currency_code: currency,
        tax_inclusive: supplierItems.some((i) => !!i.is_tax_inclusive),
        issued_at: now,
        supply_date: new Date(o.created_at ?? now),
        exchange_rate: currency.toLowerCase() === "aed" ? null : fx.rate,
        exchange_rate_source: currency.toLowerCase() === "aed" ? null : fx.source,
        exchange_rate_at: currency.toLowerCase() === "aed" ? null : now,
        discount_minor: totals.discount_minor,
        taxable_minor: totals.taxable_minor,
        vat_minor: totals.vat_minor,
        total_minor: totals.total_minor,
        standard_minor: byT("STANDARD"),
        zero_rated_minor: byT("ZERO_RATED"),
        exempt_minor: byT("EXEMPT"),
        out_of_scope_minor: byT("OUT_OF_SCOPE"),
        vat_aed_minor: toAedMinor(totals.vat_minor, currency, fx.rate),
        total_aed_minor: totalAed,
      },
      lines: lines.map(({ _amounts, ...l }) => l),
    })
    ids.push(result.id)
  }
  return ids
}

/** The treatment our UAE VAT provider charged on the item at checkout, if it taxed the item. */
function chargedTreatment(item: any): VatTreatment | undefined {
  const code: string | undefined = (item.tax_lines ?? []).find((t: any) => String(t?.code ?? "").startsWith("AE-VAT-"))?.code
  return code ? CODE_TREATMENT[code.split("-")[2]] : undefined
}

async function supplierAddresses(container: MedusaContainer, merchantIds: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const out = new Map<string, any>()
  try {
    const { data } = await query.graph({ entity: "merchant", fields: ["id", "stock_location.address.*"], filters: { id: merchantIds } })
    for (const m of data as any[]) {
      const a = m.stock_location?.address
      if (a) out.set(m.id, { address_1: a.address_1, address_2: a.address_2, city: a.city, province: a.province, postal_code: a.postal_code, country_code: a.country_code })
    }
  } catch {
    // A merchant without a stock location keeps its country as the address.
  }
  return out
}

const issueInvoicesStep = createStep("vat-ae-issue-invoices", async (input: { order_id: string }, { container }) => {
  return new StepResponse(await issueInvoicesForOrder(container, input.order_id))
})

export const issueTaxInvoicesWorkflow = createWorkflow("vat-ae-issue-tax-invoices", (input: { order_id: string }) => {
  const ids = issueInvoicesStep(input)
  // The buyer is e-mailed each invoice with its PDF (notifications; idempotent per invoice).
  const issued = transform({ ids, input }, ({ ids, input }) => ({
    eventName: SNAIL_EVENTS.TAX_INVOICE_ISSUED, data: ids.map((id) => ({ id, order_id: input.order_id })),
  }))
  emitEventStep(issued)
  return new WorkflowResponse(ids)
})

