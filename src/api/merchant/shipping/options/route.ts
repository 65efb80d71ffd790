import type { MedusaResponse } from "@medusajs/framework/http"
import { createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { toMajorString } from "../../../../lib/money"
import type { MerchantRequest } from "../../context"
import type { CreateShippingOptionBody } from "../validators"
import {
  assertOwnZone, checkOptionPrices, defaultShippingProfileId, loadMerchantZones, shippingMarkets,
} from "../../../../workflows/marketplace/merchant-shipping"

/** Medusa's flat prices are major units: the exact decimal of our minor units, converted once here. */
export const medusaPrices = (prices: { currency_code: string; amount: number }[]) =>
  prices.map((p) => ({ currency_code: p.currency_code, amount: Number(toMajorString(p.amount, p.currency_code)) }))

/**
 * POST /merchant/shipping/options — a flat-rate delivery in one of the merchant's zones, shipped by
 * the manual provider, offered in the store, for the goods' (default) shipping profile.
 */
export const POST = async (req: MerchantRequest<CreateShippingOptionBody>, res: MedusaResponse) => {
  const merchant = req.merchantContext.merchant
  const { zone_id, name, prices } = req.validatedBody
  const zone = await assertOwnZone(req.scope, merchant.id, zone_id)
  const markets = await shippingMarkets(req.scope)
  const countries = (zone.geo_zones ?? []).filter((g: any) => g.type === "country").map((g: any) => String(g.country_code).toLowerCase())
  checkOptionPrices(prices, countries, markets)
  const { result: [created] } = await createShippingOptionsWorkflow(req.scope).run({
    input: [{
      name,
      service_zone_id: zone.id,
      shipping_profile_id: await defaultShippingProfileId(req.scope),
      provider_id: "manual_manual",
      price_type: "flat",
      type: { label: name, description: name, code: "merchant-delivery" },
      prices: medusaPrices(prices),
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" },
        { attribute: "is_return", value: "false", operator: "eq" },
      ],
    }],
  })
  const option = (await loadMerchantZones(req.scope, merchant, markets)).flatMap((z) => z.options).find((o) => o.id === created.id)
  res.status(201).json({ shipping_option: option })
}
