import type { MedusaResponse } from "@medusajs/framework/http"
import { createServiceZonesWorkflow } from "@medusajs/medusa/core-flows"
import type { MerchantRequest } from "../../context"
import type { CreateShippingZoneBody } from "../validators"
import {
  checkZoneCountries, checkZoneName, ensureShippingSet, loadMerchantZones, shippingMarkets, zoneNameFor,
} from "../../../../workflows/marketplace/merchant-shipping"

/** POST /merchant/shipping/zones — countries the merchant delivers to from its own stock location. */
export const POST = async (req: MerchantRequest<CreateShippingZoneBody>, res: MedusaResponse) => {
  const merchant = req.merchantContext.merchant
  const { name, countries } = req.validatedBody
  const markets = await shippingMarkets(req.scope)
  const zones = await loadMerchantZones(req.scope, merchant, markets)
  checkZoneName(name, zones)
  checkZoneCountries(countries, markets, zones)
  const setId = await ensureShippingSet(req.scope, merchant)
  const { result: [created] } = await createServiceZonesWorkflow(req.scope).run({
    input: { data: [{ fulfillment_set_id: setId, name: zoneNameFor(merchant.handle, name), geo_zones: countries.map((country_code) => ({ type: "country" as const, country_code })) }] },
  })
  const zone = (await loadMerchantZones(req.scope, merchant, markets)).find((z) => z.id === created.id)
  res.status(201).json({ zone })
}
