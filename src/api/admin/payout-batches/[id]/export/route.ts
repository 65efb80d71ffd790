import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import { bankTransferCsv } from "../../../../../modules/marketplace/providers/payout/manual-bank-transfer"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"

/** The bank-transfer file of a batch (its manual payouts), for the finance team. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const batch = await marketplace.retrievePayoutBatch(req.params.id, { relations: ["payouts"] })
  const payouts = (batch.payouts ?? []).filter((p: any) => p.provider === "manual_bank_transfer")
  const merchants = payouts.length ? await marketplace.listMerchants({ id: payouts.map((p: any) => p.merchant_id) }) : []
  const byId = new Map(merchants.map((m) => [m.id, m] as const))
  const csv = bankTransferCsv(payouts.map((p: any) => {
    const m = byId.get(p.merchant_id)!
    return { payout_id: p.id, reference: p.id, amount_minor: Number(p.amount), currency_code: p.currency_code, merchant: { id: m.id, legal_name: m.legal_name, payout_method: m.payout_method as any } }
  }))
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="payouts-${batch.run_key.replace(/[^\w.-]+/g, "_")}.csv"`)
  res.send(csv)
}
