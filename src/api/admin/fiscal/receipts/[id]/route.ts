import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FISCAL_MODULE } from "../../../../../modules/fiscal"
import type FiscalModuleService from "../../../../../modules/fiscal/service"
import { SnailError } from "../../../../../lib/snail-error"
import { presentReceipt } from "../../../../fiscal/present"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const fiscal: FiscalModuleService = req.scope.resolve(FISCAL_MODULE)
  const [receipt] = await fiscal.listFiscalReceipts({ id: req.params.id })
  if (!receipt) throw new SnailError(404, "NOT_FOUND", `Receipt ${req.params.id} not found`)
  res.json({ receipt: presentReceipt(receipt) })
}
