import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FISCAL_MODULE } from "../../../../modules/fiscal"
import type FiscalModuleService from "../../../../modules/fiscal/service"
import { presentReceipt } from "../../../fiscal/present"

/** Receipts across orders, failures first, then newest first; filters by status, order, operation, provider. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const fiscal: FiscalModuleService = req.scope.resolve(FISCAL_MODULE)
  const q = req.validatedQuery as any
  const filters: Record<string, unknown> = {}
  for (const k of ["status", "order_id", "operation", "provider_id"]) if (q[k]) filters[k] = q[k]
  const [receipts, count] = await fiscal.listAndCountFiscalReceipts(filters, {
    take: q.limit, skip: q.offset, order: { priority: "ASC", created_at: "DESC" },
  })
  res.json({ receipts: receipts.map(presentReceipt), count, limit: q.limit, offset: q.offset })
}
