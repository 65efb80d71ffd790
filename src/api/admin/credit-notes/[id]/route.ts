import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { creditNoteById, sendCreditNote } from "../../../vat-ae/documents"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await sendCreditNote(res, await creditNoteById(req.scope, req.params.id), req.query.format)
}
