import type { MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../lib/snail-error"
import { creditNoteById, sendCreditNote } from "../../../vat-ae/documents"
import type { MerchantRequest } from "../../context"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const cn = await creditNoteById(req.scope, req.params.id).catch(() => null)
  if (!cn || cn.supplier_id !== req.merchantContext.merchant.id) throw new SnailError(404, "NOT_FOUND", `Credit note ${req.params.id} not found`)
  await sendCreditNote(res, cn, req.query.format)
}
