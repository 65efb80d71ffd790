import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { stockAt } from "./publish-readiness"
import { merchantStockLocationId } from "../order-lines/merchant-location"

/**
 * What a goods merchant must have before its physical products can be bought and shipped (the Home
 * checklist's "stock location and shipping", issue 22 §1), judged the way add-to-cart and checkout
 * judge it:
 *  - its own stock location (where its lines are reserved and fulfilled),
 *  - reachable from every sales channel its goods are offered in (else NOT_STOCKED_FOR_CHANNEL),
 *  - in each region its goods are priced in, a shipping option a buyer can pick: in the store, not a
 *    return, serving a country of the region from a location of one of those channels, priced in the
 *    region's currency (or calculated), for the goods' shipping profile,
 *  - something on the shelf for each published product that tracks stock, where its carts can reserve it.
 * Merchants selling only services and courses have nothing to ship: the step does not apply.
 */
export type GoodsReadiness = {
  applies: boolean
  done: boolean
  location: boolean
  channels_missing: number
  regions_without_shipping: { id: string; name: string; currency_code: string }[]
  products_without_profile: number
  products_without_stock: number
  /** Before any goods: whether a shipping option serves at least one region at all. */
  ships_somewhere: boolean
}

const PRODUCT_FIELDS = [
  "id", "status", "product_kind.kind", "sales_channels.id", "shipping_profile.id", "variants.manage_inventory", "variants.prices.currency_code",
  "variants.inventory_items.inventory.location_levels.location_id", "variants.inventory_items.inventory.location_levels.stocked_quantity",
]

export async function goodsReadiness(scope: MedusaContainer, merchantId: string): Promise<GoodsReadiness> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [merchant] } = await query.graph({ entity: "merchant", fields: ["id", "products.id"], filters: { id: merchantId } })
  const productIds = ((merchant as any)?.products ?? []).filter(Boolean).map((p: any) => p.id)
  const { data: products } = productIds.length
    ? await query.graph({ entity: "product", fields: PRODUCT_FIELDS, filters: { id: productIds } })
    : { data: [] as any[] }
  const goods = (products as any[]).filter((p) => (p.product_kind?.kind ?? "PHYSICAL") === "PHYSICAL")
  // Only services and courses: nothing to ship. No products yet: a new shop may well sell goods.
  const applies = goods.length > 0 || products.length === 0

  const [locationId, regions, { data: locations }, options] = await Promise.all([
    merchantStockLocationId(scope, merchantId),
    scope.resolve(Modules.REGION).listRegions({}, { relations: ["countries"] }),
    query.graph({ entity: "stock_location", fields: ["id", "sales_channels.id", "fulfillment_sets.id"] }),
    scope.resolve(Modules.FULFILLMENT).listShippingOptions({}, { relations: ["rules", "service_zone", "service_zone.geo_zones", "service_zone.fulfillment_set"] }),
  ])
  const { data: pricedOptions } = options.length
    ? await query.graph({ entity: "shipping_option", fields: ["id", "prices.currency_code"], filters: { id: options.map((o: any) => o.id) } })
    : { data: [] as any[] }
  const currenciesOf = new Map<string, Set<string>>((pricedOptions as any[]).map((o) => [o.id, new Set((o.prices ?? []).filter(Boolean).map((p: any) => String(p.currency_code).toLowerCase()))]))

  const channelIds = new Set<string>(goods.flatMap((p) => (p.sales_channels ?? []).filter(Boolean).map((c: any) => c.id)))
  const own: any = (locations as any[]).find((l) => l.id === locationId)
  const ownChannels = new Set<string>((own?.sales_channels ?? []).filter(Boolean).map((c: any) => c.id))
  const channelsMissing = [...channelIds].filter((c) => !ownChannels.has(c)).length

  // Fulfilment sets a cart of those channels can ship from (Medusa offers options of locations linked to the cart's channel).
  const wantedChannels = channelIds.size ? channelIds : ownChannels
  const setsInChannels = new Set<string>(
    (locations as any[])
      .filter((l) => (l.sales_channels ?? []).some((c: any) => c && wantedChannels.has(c.id)))
      .flatMap((l) => (l.fulfillment_sets ?? []).filter(Boolean).map((f: any) => f.id))
  )
  const rule = (o: any, attribute: string) => (o.rules ?? []).find((r: any) => r.attribute === attribute)?.value
  const usable = (options as any[]).filter((o) =>
    setsInChannels.has(o.service_zone?.fulfillment_set?.id ?? o.service_zone?.fulfillment_set_id) &&
    o.service_zone?.fulfillment_set?.type !== "pickup" &&
    rule(o, "is_return") !== "true" && rule(o, "enabled_in_store") !== "false")
  const profiles = new Set<string>(goods.map((p) => p.shipping_profile?.id).filter(Boolean))
  const servesRegion = (o: any, region: any) => {
    const countries = new Set((region.countries ?? []).map((c: any) => String(c.iso_2).toLowerCase()))
    const inZone = (o.service_zone?.geo_zones ?? []).some((g: any) => countries.has(String(g.country_code).toLowerCase()))
    const priced = o.price_type === "calculated" || currenciesOf.get(o.id)?.has(String(region.currency_code).toLowerCase())
    const forGoods = !profiles.size || profiles.has(o.shipping_profile_id)
    return inZone && priced && forGoods
  }
  // The regions its goods are priced in (all of them while it has no goods yet: one is enough then).
  const currencies = new Set<string>(goods.flatMap((p) => (p.variants ?? []).flatMap((v: any) => (v?.prices ?? []).filter(Boolean).map((pr: any) => String(pr.currency_code).toLowerCase()))))
  const soldIn = (regions as any[]).filter((r) => currencies.has(String(r.currency_code).toLowerCase()))
  const unshipped = soldIn.filter((r) => !usable.some((o) => servesRegion(o, r)))
  const noRegionShips = !goods.length && !(regions as any[]).some((r) => usable.some((o) => servesRegion(o, r)))

  const withoutProfile = goods.filter((p) => !p.shipping_profile?.id).length
  // Stock counts where a cart of the product's channels can reserve it: the merchant's own location
  // first, else another location of those channels (checkout moves the reservation to the merchant's).
  const locationsOf = (p: any) => {
    const channels = new Set((p.sales_channels ?? []).filter(Boolean).map((c: any) => c.id))
    return new Set<string>((locations as any[]).filter((l) => l.id === locationId || (l.sales_channels ?? []).some((c: any) => c && channels.has(c.id))).map((l) => l.id))
  }
  const stockIn = (v: any, where: Set<string>) => [...where].reduce((sum, id) => sum + stockAt(v, id), 0)
  const withoutStock = goods.filter((p) => {
    if (p.status !== "published") return false
    const where = locationsOf(p)
    return (p.variants ?? []).filter(Boolean).every((v: any) => v.manage_inventory && stockIn(v, where) <= 0)
  }).length

  const readiness = {
    applies,
    location: !!locationId,
    channels_missing: channelsMissing,
    regions_without_shipping: unshipped.map((r: any) => ({ id: r.id, name: r.name, currency_code: r.currency_code })),
    products_without_profile: withoutProfile,
    products_without_stock: withoutStock,
    ships_somewhere: !noRegionShips,
  }
  const done = !applies || (readiness.location && !channelsMissing && !unshipped.length && !noRegionShips && !withoutProfile && !withoutStock)
  return { ...readiness, done }
}
