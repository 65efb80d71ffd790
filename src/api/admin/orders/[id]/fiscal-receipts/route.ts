import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FISCAL_MODULE } from "../../../../../modules/fiscal"
import type FiscalModuleService from "../../../../../modules/fiscal/service"
import { presentReceipt } from "../../../../fiscal/present"

/** Every receipt of one order, oldest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const fiscal: FiscalModuleService = req.scope.resolve(FISCAL_MODULE)
  const receipts = await fiscal.listFiscalReceipts({ order_id: req.params.id }, { order: { created_at: "ASC" } })
  res.json({ receipts: receipts.map(presentReceipt) })
}
