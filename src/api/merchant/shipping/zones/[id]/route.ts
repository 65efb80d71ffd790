import type { MedusaResponse } from "@medusajs/framework/http"
import { deleteServiceZonesWorkflow, deleteShippingOptionsWorkflow, updateServiceZonesWorkflow } from "@medusajs/medusa/core-flows"
import type { MerchantRequest } from "../../../context"
import type { UpdateShippingZoneBody } from "../../validators"
import {
  assertOwnZone, checkZoneCountries, checkZoneName, loadMerchantZones, shippingMarkets, zoneNameFor,
} from "../../../../../workflows/marketplace/merchant-shipping"

/** POST /merchant/shipping/zones/:id — rename the zone or change its countries (kept ones keep their rows). */
export const POST = async (req: MerchantRequest<UpdateShippingZoneBody>, res: MedusaResponse) => {
  const merchant = req.merchantContext.merchant
  const zone = await assertOwnZone(req.scope, merchant.id, req.params.id)
  const { name, countries } = req.validatedBody
  const markets = await shippingMarkets(req.scope)
  const others = (await loadMerchantZones(req.scope, merchant, markets)).filter((z) => z.id !== zone.id)
  if (name !== undefined) checkZoneName(name, others)
  if (countries !== undefined) checkZoneCountries(countries, markets, others)
  const kept = new Map<string, string>((zone.geo_zones ?? []).filter((g: any) => g.type === "country").map((g: any) => [String(g.country_code).toLowerCase(), g.id]))
  await updateServiceZonesWorkflow(req.scope).run({
    input: {
      selector: { id: zone.id },
      update: {
        ...(name !== undefined ? { name: zoneNameFor(merchant.handle, name) } : {}),
        ...(countries !== undefined
          ? { geo_zones: countries.map((c) => (kept.has(c) ? { id: kept.get(c)! } : { type: "country" as const, country_code: c })) }
          : {}),
      },
    },
  })
  res.json({ zone: (await loadMerchantZones(req.scope, merchant, markets)).find((z) => z.id === zone.id) })
}

/** DELETE /merchant/shipping/zones/:id — the zone and its options: buyers there no longer see them. */
export const DELETE = async (req: MerchantRequest, res: MedusaResponse) => {
  const merchant = req.merchantContext.merchant
  const zone = await assertOwnZone(req.scope, merchant.id, req.params.id)
  const optionIds = (await loadMerchantZones(req.scope, merchant)).find((z) => z.id === zone.id)?.options.map((o) => o.id) ?? []
  // Options first, through their workflow (their price sets' links go with them), then the zone.
  if (optionIds.length) await deleteShippingOptionsWorkflow(req.scope).run({ input: { ids: optionIds } })
  await deleteServiceZonesWorkflow(req.scope).run({ input: { ids: [zone.id] } })
  res.json({ id: zone.id, object: "shipping_zone", deleted: true })
}
