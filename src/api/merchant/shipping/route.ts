import type { MedusaResponse } from "@medusajs/framework/http"
import type { MerchantRequest } from "../context"
import { loadMerchantZones, merchantShippingSets, shippingMarkets } from "../../../workflows/marketplace/merchant-shipping"

/**
 * GET /merchant/shipping — the merchant's delivery: its stock location, its zones (countries) with
 * their options (flat prices per currency, minor units), and the markets it may ship to (the
 * platform's regions: each country with its region and currency).
 */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const merchant = req.merchantContext.merchant
  const markets = await shippingMarkets(req.scope)
  const [{ location }, zones] = await Promise.all([merchantShippingSets(req.scope, merchant.id), loadMerchantZones(req.scope, merchant, markets)])
  res.json({
    location,
    zones,
    markets: { countries: markets, currencies: [...new Set(markets.map((m) => m.currency_code))].sort() },
  })
}
