import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createLocationFulfillmentSetWorkflow, createShippingProfilesWorkflow } from "@medusajs/medusa/core-flows"
import { toMinor } from "../../lib/money"
import { SnailError } from "../../lib/snail-error"
import { merchantStockLocationId } from "../order-lines/merchant-location"
import { NO_SHIPPING_PROFILE } from "../order-lines/no-delivery"

/**
 * Where and how a merchant ships (issue 22: the merchant sets its own delivery instead of asking the
 * platform's team). Everything lives in Medusa's fulfilment module, on the fulfilment sets of the
 * merchant's own stock location: a service zone per group of countries, flat-rate options priced per
 * currency. Money crosses here: our API speaks integer minor units, Medusa's prices are major units.
 */

/** One country a buyer can be in: the platform's regions decide which exist and what they pay in. */
export type ShippingMarket = { country_code: string; region_id: string; region_name: string; currency_code: string }
export type MerchantShippingOption = {
  id: string
  zone_id: string
  name: string
  price_type: string
  /** Flat prices, one per currency, in minor units. */
  prices: { currency_code: string; amount: number }[]
  /** Currencies of the zone's countries without a price: buyers there do not see the option. */
  missing_currencies: string[]
  enabled_in_store: boolean
}
export type MerchantShippingZone = { id: string; name: string; countries: string[]; options: MerchantShippingOption[] }

/** Medusa's service zone names are unique platform-wide: ours carry the shop's handle before the label. */
export const zoneNameFor = (handle: string, label: string) => `${handle} · ${label}`
export const zoneLabelOf = (handle: string, name: string) => (name.startsWith(`${handle} · `) ? name.slice(handle.length + 3) : name)

/** Every country a platform region sells to, with its region and currency. */
export async function shippingMarkets(scope: MedusaContainer): Promise<ShippingMarket[]> {
  const regions = await scope.resolve(Modules.REGION).listRegions({}, { relations: ["countries"] })
  return regions
    .flatMap((r: any) => (r.countries ?? []).map((c: any) => ({
      country_code: String(c.iso_2).toLowerCase(), region_id: r.id, region_name: r.name, currency_code: String(r.currency_code).toLowerCase(),
    })))
    .sort((a, b) => a.country_code.localeCompare(b.country_code))
}

/** The merchant's stock location and the ids of its shipping (not pickup) fulfilment sets. */
export async function merchantShippingSets(scope: MedusaContainer, merchantId: string): Promise<{ location: { id: string; name: string } | null; setIds: string[] }> {
  const locationId = await merchantStockLocationId(scope, merchantId)
  if (!locationId) return { location: null, setIds: [] }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [location] } = await query.graph({ entity: "stock_location", fields: ["id", "name", "fulfillment_sets.id", "fulfillment_sets.type"], filters: { id: locationId } })
  const setIds = ((location as any)?.fulfillment_sets ?? []).filter((s: any) => s && s.type === "shipping").map((s: any) => s.id)
  return { location: location ? { id: (location as any).id, name: (location as any).name } : null, setIds }
}

/** The shipping set to add zones to: the location's first, or a new one linked to it. */
export async function ensureShippingSet(scope: MedusaContainer, merchant: { id: string; display_name: string }): Promise<string> {
  const { location, setIds } = await merchantShippingSets(scope, merchant.id)
  if (!location) throw new SnailError(409, "SHIPPING_NO_LOCATION", "The shop has no stock location yet: the platform creates it when the shop is approved")
  if (setIds.length) return setIds[0]
  await createLocationFulfillmentSetWorkflow(scope).run({
    input: { location_id: location.id, fulfillment_set_data: { name: `${merchant.display_name} delivery (${location.id})`, type: "shipping" } },
  })
  const again = await merchantShippingSets(scope, merchant.id)
  return again.setIds[0]
}

/**
 * The shipping profile merchant goods are created with (POST /merchant/products) and merchant options
 * use: the first default one, never the hidden profile of services and courses (also of type default).
 */
export async function defaultShippingProfileId(scope: MedusaContainer): Promise<string> {
  const profiles = await scope.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" }, { select: ["id", "name"], order: { created_at: "ASC" } } as any)
  const profile = profiles.find((p: any) => p.name !== NO_SHIPPING_PROFILE)
  if (profile) return profile.id
  const { result } = await createShippingProfilesWorkflow(scope).run({ input: { data: [{ name: "Default Shipping Profile", type: "default" }] } })
  return result[0].id
}

const isCurrencyPrice = (p: any) => p && !Number(p.rules_count ?? 0)

/** The merchant's zones with their countries and options (prices in minor units). */
export async function loadMerchantZones(scope: MedusaContainer, merchant: { id: string; handle: string }, markets?: ShippingMarket[]): Promise<MerchantShippingZone[]> {
  const { setIds } = await merchantShippingSets(scope, merchant.id)
  if (!setIds.length) return []
  const fulfillment = scope.resolve(Modules.FULFILLMENT)
  const zones = await fulfillment.listServiceZones({ fulfillment_set_id: setIds } as any, { relations: ["geo_zones"], order: { created_at: "ASC" } as any })
  if (!zones.length) return []
  const options = await fulfillment.listShippingOptions({ service_zone_id: zones.map((z: any) => z.id) } as any, { relations: ["rules"], order: { created_at: "ASC" } as any })
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: priced } = options.length
    ? await query.graph({ entity: "shipping_option", fields: ["id", "prices.amount", "prices.currency_code", "prices.rules_count"], filters: { id: options.map((o: any) => o.id) } })
    : { data: [] as any[] }
  const pricesOf = new Map<string, any[]>((priced as any[]).map((o) => [o.id, (o.prices ?? []).filter(isCurrencyPrice)]))
  const byCountry = new Map((markets ?? (await shippingMarkets(scope))).map((m) => [m.country_code, m.currency_code]))

  return zones.map((z: any) => {
    const countries = (z.geo_zones ?? []).filter((g: any) => g.type === "country").map((g: any) => String(g.country_code).toLowerCase()).sort()
    const wanted = [...new Set(countries.map((c: string) => byCountry.get(c)).filter(Boolean) as string[])].sort()
    return {
      id: z.id,
      name: zoneLabelOf(merchant.handle, z.name),
      countries,
      options: (options as any[]).filter((o) => o.service_zone_id === z.id).map((o) => {
        const prices = (pricesOf.get(o.id) ?? [])
          .map((p: any) => ({ currency_code: String(p.currency_code).toLowerCase(), amount: toMinor(p.amount, p.currency_code) }))
          .sort((a: any, b: any) => a.currency_code.localeCompare(b.currency_code))
        const rule = (attribute: string) => (o.rules ?? []).find((r: any) => r.attribute === attribute)?.value
        return {
          id: o.id,
          zone_id: z.id,
          name: o.name,
          price_type: o.price_type,
          prices,
          missing_currencies: o.price_type === "flat" ? wanted.filter((c) => !prices.some((p: any) => p.currency_code === c)) : [],
          enabled_in_store: rule("enabled_in_store") !== "false" && rule("is_return") !== "true",
        }
      }),
    }
  })
}

/** 404 (not 403) for a zone that is not on the merchant's own location: its existence is not ours to reveal. */
export async function assertOwnZone(scope: MedusaContainer, merchantId: string, zoneId: string) {
  const { setIds } = await merchantShippingSets(scope, merchantId)
  const [zone] = setIds.length
    ? await scope.resolve(Modules.FULFILLMENT).listServiceZones({ id: zoneId, fulfillment_set_id: setIds } as any, { relations: ["geo_zones"] })
    : []
  if (!zone) throw new SnailError(404, "NOT_FOUND", `Shipping zone ${zoneId} not found`)
  return zone as any
}

export async function assertOwnOption(scope: MedusaContainer, merchantId: string, optionId: string) {
  const [option] = await scope.resolve(Modules.FULFILLMENT).listShippingOptions({ id: optionId } as any, { select: ["id", "service_zone_id"] })
  if (!option) throw new SnailError(404, "NOT_FOUND", `Shipping option ${optionId} not found`)
  try {
    return { option: option as any, zone: await assertOwnZone(scope, merchantId, (option as any).service_zone_id) }
  } catch {
    throw new SnailError(404, "NOT_FOUND", `Shipping option ${optionId} not found`)
  }
}

/** Countries must be ones a platform region sells to; and each in one zone of the shop only. */
export function checkZoneCountries(countries: string[], markets: ShippingMarket[], otherZones: MerchantShippingZone[]) {
  const sold = new Set(markets.map((m) => m.country_code))
  const unknown = countries.filter((c) => !sold.has(c))
  if (unknown.length) {
    throw new SnailError(400, "SHIPPING_COUNTRY_NOT_SOLD", `The platform sells to no region with ${unknown.map((c) => c.toUpperCase()).join(", ")}`, "countries")
  }
  for (const zone of otherZones) {
    const both = countries.filter((c) => zone.countries.includes(c))
    if (both.length) {
      throw new SnailError(409, "SHIPPING_COUNTRY_IN_OTHER_ZONE", `${both.map((c) => c.toUpperCase()).join(", ")} already belongs to your zone '${zone.name}'`, "countries")
    }
  }
}

export function checkZoneName(name: string, otherZones: MerchantShippingZone[]) {
  if (otherZones.some((z) => z.name.trim().toLowerCase() === name.trim().toLowerCase())) {
    throw new SnailError(409, "SHIPPING_ZONE_NAME_TAKEN", `You already have a shipping zone named '${name}'`, "name")
  }
}

/** Prices only in the platform's currencies, and one in each currency the zone's buyers pay in. */
export function checkOptionPrices(prices: { currency_code: string }[], zoneCountries: string[], markets: ShippingMarket[]) {
  const sold = new Set(markets.map((m) => m.currency_code))
  const foreign = prices.map((p) => p.currency_code).filter((c) => !sold.has(c))
  if (foreign.length) {
    throw new SnailError(400, "SHIPPING_CURRENCY_NOT_SOLD", `No platform region pays in ${foreign.map((c) => c.toUpperCase()).join(", ")}`, "prices")
  }
  const wanted = [...new Set(markets.filter((m) => zoneCountries.includes(m.country_code)).map((m) => m.currency_code))]
  const missing = wanted.filter((c) => !prices.some((p) => p.currency_code === c))
  if (missing.length) {
    throw new SnailError(400, "SHIPPING_PRICE_MISSING", `Buyers in this zone pay in ${missing.map((c) => c.toUpperCase()).join(", ")}: give a price in it`, "prices")
  }
}
