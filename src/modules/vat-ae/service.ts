import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { documentNumber, type TreatmentRule, type VatTreatment } from "../../lib/vat-ae"
import { CreditNote } from "./models/credit-note"
import { CreditNoteLine } from "./models/credit-note-line"
import { VatDocumentSequence } from "./models/document-sequence"
import { VatExchangeRate } from "./models/exchange-rate"
import { TaxInvoice } from "./models/tax-invoice"
import { TaxInvoiceLine } from "./models/tax-invoice-line"
import { VatTreatmentRule } from "./models/treatment-rule"
import { withMerchantScope } from "../../lib/merchant-scope"

export type VatAeOptions = {
  /** AED per unit of each currency, exact decimal strings; the default source of rates. */
  fixedRates?: Record<string, string>
  /** Name recorded on invoices as the rate's source. */
  rateSource?: string
}

/** Central Bank of the UAE peg for USD; the others are the demo's fixed table (override in config or admin). */
export const DEFAULT_FIXED_RATES: Record<string, string> = { usd: "3.6725", eur: "3.9720", rub: "0.0462", gbp: "4.6450", sar: "0.9793" }

export type IssueInvoiceInput = {
  order_id: string
  supplier_id: string
  supplier_handle: string
  invoice: Record<string, unknown>
  lines: Record<string, unknown>[]
}

export type IssueCreditNoteInput = {
  invoice_id: string
  supplier_id: string
  supplier_handle: string
  /** Builds the note from what was already credited, read under the supplier's lock; null = nothing to credit. */
  build: (alreadyCredited: { line_item_id: string; total_minor: number }[]) => { note: Record<string, unknown>; lines: Record<string, unknown>[] } | null
}

export default class VatAeModuleService extends withMerchantScope(MedusaService({
  VatTreatmentRule,
  VatExchangeRate,
  VatDocumentSequence,
  TaxInvoice,
  TaxInvoiceLine,
  CreditNote,
  CreditNoteLine,
})) {
  protected readonly options_: VatAeOptions

  constructor(container: Record<string, unknown>, options: VatAeOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = options ?? {}
  }

  async treatmentRules(): Promise<TreatmentRule[]> {
    const rows = await this.listVatTreatmentRules({}, { take: 10000 })
    return rows.map((r: any) => ({ match_type: r.match_type, match_value: r.match_value, treatment: r.treatment as VatTreatment, priority: r.priority }))
  }

  /** AED per unit of `currency`: the admin's table first, then the configured fixed table. */
  async exchangeRate(currency: string): Promise<{ rate: string; source: string } | null> {
    const code = currency.toLowerCase()
    if (code === "aed") return { rate: "1", source: "identity" }
    const [row] = await this.listVatExchangeRates({ currency_code: code })
    if (row) return { rate: (row as any).aed_per_unit, source: `table:${(row as any).source}` }
    const fixed = { ...DEFAULT_FIXED_RATES, ...(this.options_.fixedRates ?? {}) }[code]
    return fixed ? { rate: fixed, source: this.options_.rateSource ?? "fixed" } : null
  }

  /**
   * Issues the order's invoice for one supplier, at most once. The supplier's INV counter row is
   * locked (SELECT … FOR UPDATE) for the whole transaction, so concurrent orders queue on it: the
   * numbers are consecutive, and a failed transaction rolls its number back with it (no gap).
   */
  @InjectTransactionManager()
  async issueInvoice(input: IssueInvoiceInput, @MedusaContext() sharedContext: Context = {}): Promise<{ id: string; created: boolean }> {
    const em = sharedContext.transactionManager as any
    const next = await this.lockAndBump(em, input.supplier_id, "INV")
    const [existing] = await this.listTaxInvoices({ order_id: input.order_id, supplier_id: input.supplier_id }, {}, sharedContext)
    if (existing) {
      await this.unbump(em, input.supplier_id, "INV")
      return { id: existing.id, created: false }
    }
    const invoice = await this.createTaxInvoices(
      { ...(input.invoice as any), order_id: input.order_id, supplier_id: input.supplier_id, sequence: next, number: documentNumber("INV", input.supplier_handle, next) },
      sharedContext
    )
    await this.createTaxInvoiceLines(input.lines.map((l) => ({ ...(l as any), invoice_id: invoice.id })), sharedContext)
    return { id: invoice.id, created: true }
  }

  @InjectTransactionManager()
  async issueCreditNote(input: IssueCreditNoteInput, @MedusaContext() sharedContext: Context = {}): Promise<{ id: string } | null> {
    const em = sharedContext.transactionManager as any
    const next = await this.lockAndBump(em, input.supplier_id, "CN")
    const previous = await this.listCreditNotes({ invoice_id: input.invoice_id }, { relations: ["lines"] }, sharedContext)
    const credited = previous.flatMap((n: any) => n.lines.map((l: any) => ({ line_item_id: l.line_item_id, total_minor: Number(l.total_minor) })))
    const built = input.build(credited)
    if (!built) {
      await this.unbump(em, input.supplier_id, "CN")
      return null
    }
    const note = await this.createCreditNotes(
      { ...(built.note as any), invoice_id: input.invoice_id, supplier_id: input.supplier_id, sequence: next, number: documentNumber("CN", input.supplier_handle, next) },
      sharedContext
    )
    await this.createCreditNoteLines(built.lines.map((l) => ({ ...(l as any), credit_note_id: note.id })), sharedContext)
    return { id: note.id }
  }

  private async lockAndBump(em: any, supplierId: string, series: string): Promise<number> {
    await em.execute(
      `INSERT INTO "vat_document_sequence" ("id", "supplier_id", "series", "last_value", "created_at", "updated_at")
       VALUES (?, ?, ?, 0, now(), now()) ON CONFLICT DO NOTHING`,
      [`vatseq_${supplierId}_${series}`, supplierId, series]
    )
    const [row]: any[] = await em.execute(
      `SELECT "last_value" FROM "vat_document_sequence" WHERE "supplier_id" = ? AND "series" = ? FOR UPDATE`,
      [supplierId, series]
    )
    const next = Number(row.last_value) + 1
    await em.execute(`UPDATE "vat_document_sequence" SET "last_value" = ?, "updated_at" = now() WHERE "supplier_id" = ? AND "series" = ?`, [next, supplierId, series])
    return next
  }

  private async unbump(em: any, supplierId: string, series: string) {
    await em.execute(`UPDATE "vat_document_sequence" SET "last_value" = "last_value" - 1 WHERE "supplier_id" = ? AND "series" = ?`, [supplierId, series])
  }
}
