import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SnailError } from "../../../lib/snail-error"
import { cachedNames } from "./lookups"

export type SearchContext = { region_id: string; currency_code: string; sales_channel_ids: string[] }

/**
 * Which region's currency prices the results: `region_id`, else the cart's region, else the
 * store's default region. Only products in the publishable key's sales channels are searched.
 */
export async function searchContext(req: MedusaRequest, params: { region_id?: string; cart_id?: string }): Promise<SearchContext> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  let regionId = params.region_id
  if (!regionId && params.cart_id) {
    const { data: [cart] } = await query.graph({ entity: "cart", fields: ["id", "region_id"], filters: { id: params.cart_id } })
    if (!cart) throw new SnailError(400, "INVALID_FIELD", `Unknown cart '${params.cart_id}'`, "cart_id")
    regionId = (cart as any).region_id
  }
  if (!regionId) {
    const { data: [store] } = await query.graph({ entity: "store", fields: ["id", "default_region_id"] })
    regionId = (store as any)?.default_region_id ?? undefined
  }
  if (!regionId) throw new SnailError(400, "REGION_REQUIRED", "Pass region_id or cart_id: the store has no default region", "region_id")
  const currency = (await cachedNames(req.scope, "region", "currency_code", [regionId])).get(regionId)
  if (!currency) throw new SnailError(400, "INVALID_FIELD", `Unknown region '${regionId}'`, "region_id")
  // A key linked to no sales channel sells nothing: it must not mean "every channel".
  const keyChannels: string[] = (req as any).publishable_key_context?.sales_channel_ids ?? []
  const sales_channel_ids = keyChannels.length ? keyChannels : ["sc_none"]
  return { region_id: regionId, currency_code: currency.toLowerCase(), sales_channel_ids }
}
