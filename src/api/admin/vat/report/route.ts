import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { toMajorString } from "../../../../lib/money"
import { SnailError } from "../../../../lib/snail-error"
import { VAT_AE_MODULE } from "../../../../modules/vat-ae"

type Row = { merchant_id: string; currency: string; standard: number; output_vat: number; zero_rated: number; exempt: number; out_of_scope: number; output_vat_aed: number; documents: number }

/**
 * VAT report per period and merchant: ?from=YYYY-MM-DD&to=YYYY-MM-DD (to exclusive) [&merchant_id=]
 * [&format=csv]. Invoices add, credit notes in the period subtract; amounts per document currency,
 * output VAT also in AED (each document's own recorded rate).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const from = new Date(String(req.query.from ?? ""))
  const to = new Date(String(req.query.to ?? ""))
  if (isNaN(+from) || isNaN(+to) || to <= from) throw new SnailError(400, "INVALID_FIELD", "from and to are dates, from before to", "from")
  const vat = req.scope.resolve(VAT_AE_MODULE) as any
  const filter: any = { issued_at: { $gte: from, $lt: to } }
  if (typeof req.query.merchant_id === "string") filter.supplier_id = req.query.merchant_id
  const invoices = await vat.listTaxInvoices(filter, { relations: ["lines"], take: 100000 })
  const notes = await vat.listCreditNotes(filter, { relations: ["lines"], take: 100000 })
  const rows = new Map<string, Row>()
  const add = (doc: any, sign: number) => {
    const key = `${doc.supplier_id}:${doc.currency_code}`
    const r = rows.get(key) ?? { merchant_id: doc.supplier_id, currency: doc.currency_code, standard: 0, output_vat: 0, zero_rated: 0, exempt: 0, out_of_scope: 0, output_vat_aed: 0, documents: 0 }
    for (const l of doc.lines) {
      const taxable = sign * Number(l.taxable_minor)
      if (l.treatment === "STANDARD") r.standard += taxable
      if (l.treatment === "ZERO_RATED") r.zero_rated += taxable
      if (l.treatment === "EXEMPT") r.exempt += taxable
      if (l.treatment === "OUT_OF_SCOPE") r.out_of_scope += taxable
    }
    r.output_vat += sign * Number(doc.vat_minor)
    r.output_vat_aed += sign * Number(doc.vat_aed_minor)
    r.documents += 1
    rows.set(key, r)
  }
  invoices.forEach((d: any) => add(d, 1))
  notes.forEach((d: any) => add(d, -1))
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set([...rows.values()].map((r) => r.merchant_id))]
  const { data: merchants } = ids.length ? await query.graph({ entity: "merchant", fields: ["id", "legal_name", "trn"], filters: { id: ids } }) : { data: [] }
  const info = new Map((merchants as any[]).map((m) => [m.id, m]))
  const list = [...rows.values()].sort((a, b) => a.merchant_id.localeCompare(b.merchant_id) || a.currency.localeCompare(b.currency))
  if (req.query.format !== "csv") return res.json({ from, to, rows: list.map((r) => ({ ...r, merchant: info.get(r.merchant_id)?.legal_name ?? null, trn: info.get(r.merchant_id)?.trn ?? null })) })
  const csv = [
    "merchant_id,merchant,trn,currency,documents,standard_rated,output_vat,zero_rated,exempt,out_of_scope,output_vat_aed",
    ...list.map((r) => {
      const m = info.get(r.merchant_id)
      const c = (v: number, cur = r.currency) => toMajorString(v, cur)
      return [r.merchant_id, `"${String(m?.legal_name ?? "").replace(/"/g, '""')}"`, m?.trn ?? "", r.currency.toUpperCase(), r.documents,
        c(r.standard), c(r.output_vat), c(r.zero_rated), c(r.exempt), c(r.out_of_scope), c(r.output_vat_aed, "aed")].join(",")
    }),
  ].join("\n") + "\n"
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="vat-report-${req.query.from}-${req.query.to}.csv"`)
  res.status(200).send(csv)
}
