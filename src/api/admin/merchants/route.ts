import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { lookupHash } from "../../../lib/config/data-keys"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { ListMerchantsQuery } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const parsed = ListMerchantsQuery.safeParse(req.query)
  if (!parsed.success) throw parsed.error
  const { kyc_status, q, limit, offset } = parsed.data
  const service: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const filters: Record<string, any> = {}
  if (kyc_status) filters.kyc_status = kyc_status
  if (q) {
    filters.$or = [{ display_name: { $ilike: `%${q}%` } }, { legal_name: { $ilike: `%${q}%` } }, { handle: { $ilike: `%${q}%` } }]
    // Tax ids are encrypted at rest: an exact INN / TRN is found through its keyed hash.
    if (/^\d{10,15}$/.test(q.trim())) filters.$or.push({ inn_hash: lookupHash(q) }, { trn_hash: lookupHash(q) })
  }
  const [merchants, count] = await service.listAndCountMerchants(filters, { skip: offset, take: limit, order: { created_at: "DESC" } })
  res.json({ merchants, count, limit, offset })
}
