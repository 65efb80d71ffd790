import type { MedusaResponse } from "@medusajs/framework/http"
import { merchantBalances } from "../../../workflows/marketplace-money/statements"
import type { MerchantRequest } from "../context"

/** Escrow, available, in transit and paid out, per currency, derived from the ledger. */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  res.json({ merchant_id: req.merchantContext.merchant.id, balances: await merchantBalances(req.scope, req.merchantContext.merchant.id) })
}
