import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildCorrection } from "../../../../../../lib/fiscal/receipt"
import { FISCAL_MODULE } from "../../../../../../modules/fiscal"
import type FiscalModuleService from "../../../../../../modules/fiscal/service"
import { SnailError } from "../../../../../../lib/snail-error"
import { dispatchFiscalReceipts } from "../../../../../../workflows/fiscal/dispatch"
import { presentReceipt } from "../../../../../fiscal/present"

/**
 * A sell_correction for a registered receipt that was wrong: same positions, basis = the given
 * document number/date (default: the receipt's FD number and registration day), the reason kept.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const fiscal: FiscalModuleService = req.scope.resolve(FISCAL_MODULE)
  const body = req.validatedBody as { reason: string; base_number?: string; base_date?: string }
  const [original] = await fiscal.listFiscalReceipts({ id: req.params.id })
  if (!original) throw new SnailError(404, "NOT_FOUND", `Receipt ${req.params.id} not found`)
  if (original.status !== "DONE" || original.operation !== "sell") {
    throw new SnailError(409, "FISCAL_RECEIPT_NOT_CORRECTABLE", "Only a registered (DONE) sell receipt can be corrected")
  }
  const corrections = await fiscal.listFiscalReceipts({ correction_of: original.id })
  const document = buildCorrection(original.document as any, {
    reason: body.reason,
    base_number: body.base_number ?? original.fd_number ?? "0",
    base_date: body.base_date ? new Date(`${body.base_date}T00:00:00Z`) : original.done_at ?? new Date(),
  })
  const receipt = await fiscal.enqueue({
    order_id: original.order_id, issuer: original.issuer, idempotency_key: `${original.idempotency_key}:correction:${corrections.length + 1}`,
    document, line_ids: original.line_ids as any, currency_code: original.currency_code, correction_of: original.id,
  })
  await dispatchFiscalReceipts(req.scope as any, { ids: [receipt.id] })
  res.status(201).json({ receipt: presentReceipt(await fiscal.retrieveFiscalReceipt(receipt.id)) })
}
