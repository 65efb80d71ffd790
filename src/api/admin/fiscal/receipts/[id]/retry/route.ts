import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FISCAL_MODULE } from "../../../../../../modules/fiscal"
import type FiscalModuleService from "../../../../../../modules/fiscal/service"
import { SnailError } from "../../../../../../lib/snail-error"
import { dispatchFiscalReceipts } from "../../../../../../workflows/fiscal/dispatch"
import { presentReceipt } from "../../../../../fiscal/present"

/** Puts a FAILED receipt back in the outbox (same external id: never a second receipt) and tries it now. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const fiscal: FiscalModuleService = req.scope.resolve(FISCAL_MODULE)
  const [receipt] = await fiscal.listFiscalReceipts({ id: req.params.id })
  if (!receipt) throw new SnailError(404, "NOT_FOUND", `Receipt ${req.params.id} not found`)
  if (receipt.status !== "FAILED") throw new SnailError(409, "FISCAL_RECEIPT_NOT_FAILED", `Only a FAILED receipt can be retried (this one is ${receipt.status})`)
  await fiscal.retry(receipt.id)
  await dispatchFiscalReceipts(req.scope as any, { ids: [receipt.id] })
  res.json({ receipt: presentReceipt(await fiscal.retrieveFiscalReceipt(receipt.id)) })
}
