import type { MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../lib/snail-error"
import { invoiceById, sendInvoice } from "../../../vat-ae/documents"
import type { MerchantRequest } from "../../context"

// Only invoices the merchant issued: another supplier's invoice is 404 (nothing leaks).
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const inv = await invoiceById(req.scope, req.params.id).catch(() => null)
  if (!inv || inv.supplier_id !== req.merchantContext.merchant.id) throw new SnailError(404, "NOT_FOUND", `Tax invoice ${req.params.id} not found`)
  await sendInvoice(res, inv, req.query.format)
}
