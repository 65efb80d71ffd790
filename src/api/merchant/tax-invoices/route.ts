import type { MedusaResponse } from "@medusajs/framework/http"
import { VAT_AE_MODULE } from "../../../modules/vat-ae"
import type VatAeModuleService from "../../../modules/vat-ae/service"
import { present } from "../../vat-ae/documents"
import type { MerchantRequest } from "../context"

// The merchant's own tax invoices (as supplier), newest first; ?order_id= narrows to one order.
// Read under row-level security (asMerchant): the filter and PostgreSQL's policy agree.
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const limit = Math.min(Number(req.query.limit ?? 20) || 20, 100)
  const offset = Math.max(Number(req.query.offset ?? 0) || 0, 0)
  const filters: any = { supplier_id: req.merchantContext.merchant.id }
  if (typeof req.query.order_id === "string") filters.order_id = req.query.order_id
  const vat: VatAeModuleService = req.scope.resolve(VAT_AE_MODULE)
  const [rows, count] = await vat.asMerchant(req.merchantContext.merchant.id, (ctx) =>
    vat.listAndCountTaxInvoices(filters, { take: limit, skip: offset, order: { issued_at: "DESC" } }, ctx))
  res.json({ tax_invoices: rows.map(present), count, limit, offset })
}
