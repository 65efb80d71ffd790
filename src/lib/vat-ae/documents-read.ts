import type { MedusaContainer } from "@medusajs/framework/types"
import { VAT_AE_MODULE } from "../../modules/vat-ae"
import type VatAeModuleService from "../../modules/vat-ae/service"
import { SnailError } from "../snail-error"

// Reading UAE tax invoices and credit notes as every reader shows them: the admin, merchant and
// store routes (src/api/vat-ae/documents.ts sends them as JSON, PDF, text or UBL) and the
// notifications that attach them.

const vat = (scope: MedusaContainer) => scope.resolve<VatAeModuleService>(VAT_AE_MODULE)

const num = (v: unknown) => (v == null ? v : Number(v))
const MINOR_FIELDS = ["discount_minor", "taxable_minor", "vat_minor", "total_minor", "standard_minor", "zero_rated_minor", "exempt_minor", "out_of_scope_minor", "vat_aed_minor", "total_aed_minor", "unit_price_minor"]

/** Plain JSON: minor amounts as integers, no raw BigNumber columns. */
export function present(doc: any): any {
  const out: any = {}
  for (const [k, v] of Object.entries(doc ?? {})) {
    if (k.startsWith("raw_")) continue
    out[k] = MINOR_FIELDS.includes(k) ? num(v) : Array.isArray(v) ? v.map(present) : v
  }
  return out
}

/**
 * A credit note as shown: with the supplier (name, TRN, address) and recipient of the invoice it
 * corrects — snapshots that never change — and that invoice's date and order (Art. 60 Executive
 * Regulation: a tax credit note names the supplier and its TRN).
 */
function withInvoiceParties(cn: any, invoice: any) {
  return {
    ...present(cn),
    supplier: invoice?.supplier ?? null, recipient: invoice?.recipient ?? null,
    invoice_issued_at: invoice?.issued_at ?? null, order_display_id: invoice?.order_display_id ?? null,
  }
}

export async function invoicesOfOrder(scope: MedusaContainer, orderId: string, supplierId?: string) {
  const rows = await vat(scope).listTaxInvoices({ order_id: orderId, ...(supplierId ? { supplier_id: supplierId } : {}) }, { relations: ["lines"], order: { number: "ASC" } })
  const notes = rows.length ? await vat(scope).listCreditNotes({ invoice_id: rows.map((r: any) => r.id) }, { relations: ["lines"] }) : []
  return rows.map((r: any) => ({ ...present(r), credit_notes: notes.filter((n: any) => n.invoice_id === r.id).map((n: any) => withInvoiceParties(n, r)) }))
}

export async function invoiceById(scope: MedusaContainer, id: string) {
  const [row] = await vat(scope).listTaxInvoices({ id }, { relations: ["lines"] })
  if (!row) throw new SnailError(404, "NOT_FOUND", `Tax invoice ${id} not found`)
  return present(row)
}

export async function creditNoteById(scope: MedusaContainer, id: string) {
  const [row] = await vat(scope).listCreditNotes({ id }, { relations: ["lines"] })
  if (!row) throw new SnailError(404, "NOT_FOUND", `Credit note ${id} not found`)
  const [invoice] = await vat(scope).listTaxInvoices({ id: (row as any).invoice_id })
  return withInvoiceParties(row, invoice)
}
