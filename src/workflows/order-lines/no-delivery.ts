import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * Medusa creates a fulfilment through a shipping option. Services and courses travel nowhere, so an
 * order of only those has none: they use a hidden "No delivery" option (manual provider, rule
 * `enabled_in_store = false`, so no store lists it or accepts it on a cart).
 *
 * Each stock location has its own "No delivery" fulfilment set, linked to it, because the Medusa
 * admin's "Fulfill items" form offers the shipping options of the location the operator picks
 * (`GET /admin/shipping-options?stock_location_id=…`): linked, the option is there for a service- or
 * course-only order. The admin's location page shows only shipping and pickup sets, so this one
 * stays out of sight there. A merchant's location gets it when the location is made; any other
 * location on first need. Looked up each time (indexed reads), not cached: a database restored or
 * reset under a running process must not keep a dead id.
 */
export const NO_DELIVERY_SET_TYPE = "no-shipping"
const NO_SHIPPING_CODE = "snail-no-shipping"
export const NO_SHIPPING_PROFILE = "No delivery (services and courses)"
/** The set made before sets were per location (linked to none); still used when no location is known. */
const UNLINKED_SET = "No delivery: services and courses"

const setNameAt = (locationId: string) => `${UNLINKED_SET} · ${locationId}`

/** The hidden option for items of this shipping profile, at this location's "No delivery" set. */
export async function noShippingOptionId(container: MedusaContainer, shippingProfileId?: string | null, locationId?: string | null): Promise<string> {
  const zoneId = locationId ? (await ensureNoDeliveryAt(container, locationId)).zone_id : await unlinkedZoneId(container)
  return findOrCreateOption(container, zoneId, shippingProfileId)
}

/**
 * Makes (once) the location's "No delivery" set, linked to it, with the option for items without a
 * shipping profile of their own. `created` names what this call made, for a compensation.
 */
export async function ensureNoDeliveryAt(
  container: MedusaContainer,
  locationId: string
): Promise<{ set_id: string; zone_id: string; created: boolean }> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const name = setNameAt(locationId)
  let set = await setNamed(container, name)
  let created = false
  if (!set) {
    try {
      const [made] = await fulfillment.createFulfillmentSets([
        { name, type: NO_DELIVERY_SET_TYPE, service_zones: [{ name: `Services and courses · ${locationId}`, geo_zones: [] }] } as any,
      ])
      created = true
      set = { id: made.id, zone_id: made.service_zones[0].id, location_id: null }
    } catch (e) {
      // A concurrent first use made it (set names are unique): that one is used.
      set = await setNamed(container, name)
      if (!set) throw e
    }
  }
  if (set.location_id !== locationId) {
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
      [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
    })
  }
  if (created) await findOrCreateOption(container, set.zone_id, null)
  return { set_id: set.id, zone_id: set.zone_id, created }
}

/** Undoes what `ensureNoDeliveryAt` made (the set's zone and options go with it). */
export async function removeNoDeliverySet(container: MedusaContainer, setId: string, locationId: string) {
  await container.resolve(ContainerRegistrationKeys.LINK).dismiss({
    [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
    [Modules.FULFILLMENT]: { fulfillment_set_id: setId },
  })
  await container.resolve(Modules.FULFILLMENT).deleteFulfillmentSets([setId])
}

async function setNamed(container: MedusaContainer, name: string): Promise<{ id: string; zone_id: string; location_id: string | null } | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [set] } = await query.graph({ entity: "fulfillment_set", fields: ["id", "service_zones.id", "location.id"], filters: { name } })
  if (!set) return null
  return { id: set.id, zone_id: (set as any).service_zones[0].id, location_id: (set as any).location?.id ?? null }
}

async function unlinkedZoneId(container: MedusaContainer): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  let [set] = await fulfillment.listFulfillmentSets({ name: UNLINKED_SET }, { take: 1, relations: ["service_zones"] })
  if (!set) {
    ;[set] = await fulfillment.createFulfillmentSets([
      { name: UNLINKED_SET, type: NO_DELIVERY_SET_TYPE, service_zones: [{ name: "Services and courses", geo_zones: [] }] } as any,
    ])
    ;[set] = await fulfillment.listFulfillmentSets({ id: set.id }, { relations: ["service_zones"] })
  }
  return set.service_zones[0].id
}

/** For items of products without a shipping profile (services and courses made without one). */
async function noShippingProfile(container: MedusaContainer): Promise<{ id: string }> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [found] = await fulfillment.listShippingProfiles({ name: NO_SHIPPING_PROFILE }, { take: 1, select: ["id"] })
  if (found) return found
  const [created] = await fulfillment.createShippingProfiles([{ name: NO_SHIPPING_PROFILE, type: "default" }])
  return created
}

// One per shipping profile: Medusa checks that an item's profile matches the option's when the item
// is marked as requiring shipping (Medusa 2.21 gives every product a profile).
async function findOrCreateOption(container: MedusaContainer, zoneId: string, shippingProfileId?: string | null): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const profile = shippingProfileId ? { id: shippingProfileId } : await noShippingProfile(container)
  const [existing] = await fulfillment.listShippingOptions({ service_zone_id: zoneId, shipping_profile_id: profile.id } as any, { take: 1, select: ["id"] })
  if (existing) return existing.id
  // Straight through the module: it has no price (nothing is charged for it) and is never offered in the store.
  const [option] = await fulfillment.createShippingOptions([
    {
      name: "No delivery (service or course)",
      price_type: "flat",
      provider_id: "manual_manual",
      service_zone_id: zoneId,
      shipping_profile_id: profile.id,
      type: { label: "No delivery", description: "Services and courses: nothing is shipped", code: NO_SHIPPING_CODE },
      rules: [{ attribute: "enabled_in_store", value: "false", operator: "eq" }],
    } as any,
  ])
  return option.id
}
