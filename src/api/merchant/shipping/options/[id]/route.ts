import type { MedusaResponse } from "@medusajs/framework/http"
import { deleteShippingOptionsWorkflow, updateShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import type { MerchantRequest } from "../../../context"
import type { UpdateShippingOptionBody } from "../../validators"
import { medusaPrices } from "../route"
import { assertOwnOption, checkOptionPrices, loadMerchantZones, shippingMarkets } from "../../../../../workflows/marketplace/merchant-shipping"

/** POST /merchant/shipping/options/:id — rename, or set its prices (the list given replaces the old one). */
export const POST = async (req: MerchantRequest<UpdateShippingOptionBody>, res: MedusaResponse) => {
  const merchant = req.merchantContext.merchant
  const { option, zone } = await assertOwnOption(req.scope, merchant.id, req.params.id)
  const { name, prices } = req.validatedBody
  const markets = await shippingMarkets(req.scope)
  if (prices !== undefined) {
    const countries = (zone.geo_zones ?? []).filter((g: any) => g.type === "country").map((g: any) => String(g.country_code).toLowerCase())
    checkOptionPrices(prices, countries, markets)
  }
  if (name !== undefined || prices !== undefined) {
    await updateShippingOptionsWorkflow(req.scope).run({
      input: [{ id: option.id, ...(name !== undefined ? { name } : {}), ...(prices !== undefined ? { prices: medusaPrices(prices) } : {}) }],
    })
  }
  const updated = (await loadMerchantZones(req.scope, merchant, markets)).flatMap((z) => z.options).find((o) => o.id === option.id)
  res.json({ shipping_option: updated })
}

/** DELETE /merchant/shipping/options/:id — buyers no longer see it; orders that used it keep their shipping lines. */
export const DELETE = async (req: MerchantRequest, res: MedusaResponse) => {
  const { option } = await assertOwnOption(req.scope, req.merchantContext.merchant.id, req.params.id)
  await deleteShippingOptionsWorkflow(req.scope).run({ input: { ids: [option.id] } })
  res.json({ id: option.id, object: "shipping_option", deleted: true })
}
