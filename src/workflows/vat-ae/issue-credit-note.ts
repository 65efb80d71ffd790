import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SNAIL_EVENTS } from "../../lib/events"
import { toMinor } from "../../lib/money"
import { computeLine, toAedMinor } from "../../lib/vat-ae"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import { VAT_AE_MODULE } from "../../modules/vat-ae"
import type VatAeModuleService from "../../modules/vat-ae/service"

/**
 * A credit note for what was refunded on a line and not yet credited: the refunded amount is what
 * the buyer paid, so VAT is taken out of it at the invoice line's rate (inclusive arithmetic) and
 * converted at the invoice's rate. Reading "already credited" under the supplier's CN lock makes a
 * redelivered event, or two refunds at once, credit each fils exactly once.
 */
export async function issueCreditNoteForLine(container: MedusaContainer, orderLineId: string, reason: string | null): Promise<string | null> {
  const lines = container.resolve(ORDER_LINES_MODULE) as any
  const vat = container.resolve<VatAeModuleService>(VAT_AE_MODULE)
  const [line] = await lines.listOrderLines({ id: orderLineId })
  if (!line?.merchant_id) return null
  const [invoice] = await vat.listTaxInvoices({ order_id: line.order_id, supplier_id: line.merchant_id }, { relations: ["lines"] })
  if (!invoice) return null
  const inv = invoice as any
  const invLine = inv.lines.find((l: any) => l.line_item_id === line.line_item_id)
  if (!invLine) return null
  const currency = inv.currency_code
  const refundedTotal = toMinor(line.refunded_amount ?? 0, currency)
  const handle = (inv.number as string).replace(/^INV-/, "").replace(/-\d+$/, "")

  const created = await vat.issueCreditNote({
    invoice_id: inv.id,
    supplier_id: inv.supplier_id,
    supplier_handle: handle,
    build: (credited) => {
      const already = credited.filter((c) => c.line_item_id === line.line_item_id).reduce((s, c) => s + c.total_minor, 0)
      const delta = Math.min(refundedTotal, Number(invLine.total_minor)) - already
      if (delta <= 0) return null
      const a = computeLine({ unit_price_minor: delta, quantity: 1, tax_inclusive: true, rate_bps: invLine.rate_bps })
      const rate = inv.exchange_rate ?? "1"
      return {
        note: {
          invoice_number: inv.number, order_id: inv.order_id, currency_code: currency, reason, issued_at: new Date(),
          exchange_rate: inv.exchange_rate, taxable_minor: a.taxable_minor, vat_minor: a.vat_minor, total_minor: a.total_minor,
          vat_aed_minor: toAedMinor(a.vat_minor, currency, rate), total_aed_minor: toAedMinor(a.total_minor, currency, rate),
        },
        lines: [{
          line_item_id: line.line_item_id, order_line_id: line.id, description: invLine.description, treatment: invLine.treatment,
          rate_bps: invLine.rate_bps, taxable_minor: a.taxable_minor, vat_minor: a.vat_minor, total_minor: a.total_minor,
        }],
      }
    },
  })
  return created?.id ?? null
}

const issueCreditNoteStep = createStep("vat-ae-issue-credit-note", async (input: { order_line_id: string; reason: string | null }, { container }) => {
  return new StepResponse(await issueCreditNoteForLine(container, input.order_line_id, input.reason))
})

export const issueCreditNoteWorkflow = createWorkflow("vat-ae-issue-credit-note", (input: { order_line_id: string; reason: string | null }) => {
  const id = issueCreditNoteStep(input)
  // Only a note issued now is announced (a redelivered refund issues none and says nothing).
  const issued = transform({ id }, ({ id }) => ({ eventName: SNAIL_EVENTS.CREDIT_NOTE_ISSUED, data: id ? [{ id }] : [] }))
  emitEventStep(issued)
  return new WorkflowResponse(id)
})
