import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createRegionsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

type Container = ExecArgs["container"]

// Our three markets (DESIGN.md: RU fiscal receipts, AE VAT, EU).
export const DEMO_REGIONS = [
  { name: "Russia", currency_code: "rub", countries: ["ru"], shipping: 390 },
  { name: "United Arab Emirates", currency_code: "aed", countries: ["ae"], shipping: 25 },
  { name: "Europe", currency_code: "eur", countries: ["de", "fr", "es", "it", "nl"], shipping: 7 },
] as const

// The sandbox PSP (docs/sandbox-psp.md) is what the storefront pays with; system default stays for tests.
// Card payments through the sandbox PSP only: Medusa's manual payment (`pp_system_default`) would let
// any storefront place "paid" orders with no money collected (issue 15). An operator who enables it
// gets orders awaiting payment until staff record the money (docs/marketplace-money.md).
export const DEMO_PAYMENT_PROVIDERS = ["pp_sandbox_sandbox"] as const

export type CommerceSetup = { regionIds: Record<string, string>; stockLocationId: string; shippingProfileId: string }

/** Store currencies, regions, tax regions, a stock location and shipping options for every region. */
export async function seedCommerceSetup(container: Container, storeId: string, salesChannelId: string): Promise<CommerceSetup> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: storeId },
      update: {
        name: "SnailMarketplace",
        default_sales_channel_id: salesChannelId,
        supported_currencies: DEMO_REGIONS.map((r) => ({ currency_code: r.currency_code, is_default: r.currency_code === "eur" })),
      },
    },
  })

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: DEMO_REGIONS.map((r) => ({
        name: r.name,
        currency_code: r.currency_code,
        countries: [...r.countries],
        payment_providers: [...DEMO_PAYMENT_PROVIDERS],
      })),
    },
  })
  const regionIds = Object.fromEntries(regions.map((r) => [r.currency_code, r.id]))

  await createTaxRegionsWorkflow(container).run({
    input: DEMO_REGIONS.flatMap((r) => r.countries.map((country_code) => ({ country_code, provider_id: "tp_system" }))),
  })

  const { result: [location] } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Snail Central Warehouse", address: { address_1: "1 Warehouse Way", city: "Berlin", country_code: "de" } }] },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannelId] } })

  const shippingProfileId = await ensureDefaultShippingProfile(container)
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Snail Central delivery",
    type: "shipping",
    service_zones: DEMO_REGIONS.map((r) => ({
      name: r.name,
      geo_zones: r.countries.map((country_code) => ({ country_code, type: "country" as const })),
    })),
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })

  await createShippingOptionsWorkflow(container).run({
    input: DEMO_REGIONS.map((r) => ({
      name: `Standard delivery (${r.name})`,
      price_type: "flat" as const,
      provider_id: "manual_manual",
      service_zone_id: fulfillmentSet.service_zones.find((z) => z.name === r.name)!.id,
      shipping_profile_id: shippingProfileId,
      type: { label: "Standard", description: "Delivered in 2-5 days.", code: "standard" },
      prices: [
        { currency_code: r.currency_code, amount: r.shipping },
        { region_id: regionIds[r.currency_code], amount: r.shipping },
      ],
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
        { attribute: "is_return", value: "false", operator: "eq" as const },
      ],
    })),
  })

  return { regionIds, stockLocationId: location.id, shippingProfileId }
}

async function ensureDefaultShippingProfile(container: Container): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [existing] = await fulfillment.listShippingProfiles({ type: "default" })
  if (existing) return existing.id
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0].id
}
