import type { MedusaContainer } from "@medusajs/framework/types"
import { createOrderWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { onOrderPlacedWorkflow } from "../../src/workflows/order-lines/on-order-placed"

export type Headers = { headers: Record<string, string> }
const PASSWORD = "merchant-pass-123"

export const bearer = (token: string): Headers => ({ headers: { authorization: `Bearer ${token}` } })

export async function merchantLogin(api: any, email: string, password = PASSWORD): Promise<Headers> {
  const res = await api.post("/auth/merchant/emailpass", { email, password })
  return bearer(res.data.token)
}

export function applicationFor(handle: string, overrides: Record<string, unknown> = {}) {
  return {
    handle,
    legal_name: `${handle} LLC`,
    display_name: handle.replace(/-/g, " "),
    country_code: "de",
    tax_regime: "VAT_PAYER",
    contact_email: `owner@${handle}.test`,
    ...overrides,
  }
}

/** Registers an identity and applies; returns the PENDING merchant and a fresh owner token. */
export async function applyAsMerchant(api: any, handle: string, overrides: Record<string, unknown> = {}) {
  const email = `owner@${handle}.test`
  const reg = await api.post("/auth/merchant/emailpass/register", { email, password: PASSWORD })
  const applied = await api.post("/merchant/applications", applicationFor(handle, overrides), bearer(reg.data.token))
  return { merchant: applied.data.merchant, email, owner: await merchantLogin(api, email) }
}

/** A merchant through the whole onboarding: applied, approved by the platform, owner signed in. */
export async function approvedMerchant(api: any, admin: Headers, handle: string) {
  const applied = await applyAsMerchant(api, handle)
  await api.post(`/admin/merchants/${applied.merchant.id}/approve`, {}, admin)
  return applied
}

export function productBody(title: string, overrides: Record<string, unknown> = {}) {
  return {
    title,
    kind: "PHYSICAL",
    options: [{ title: "Format", values: ["Default"] }],
    variants: [
      { title: "Default", sku: `SKU-${title.replace(/\W+/g, "-").toUpperCase()}`, options: { Format: "Default" },
        manage_inventory: true, prices: [{ currency_code: "eur", amount: 10 }] },
    ],
    ...overrides,
  }
}

/** An order mixing lines of several products (one checkout, one order), linked like checkout does. */
export async function placeOrder(container: MedusaContainer, variants: { variant_id: string; title: string; unit_price: number }[]) {
  const { result: [region] } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: `Region ${Date.now()}`, currency_code: "eur", countries: [] }] },
  })
  const { result: order } = await createOrderWorkflow(container).run({
    input: {
      region_id: region.id,
      currency_code: "eur",
      email: "buyer@test.local",
      shipping_address: { first_name: "Bea", last_name: "Buyer", address_1: "1 Main St", city: "Berlin", country_code: "de" },
      items: variants.map((v) => ({ variant_id: v.variant_id, title: v.title, quantity: 1, unit_price: v.unit_price })),
    } as any,
  })
  await onOrderPlacedWorkflow(container).run({ input: { order_id: order.id } })
  return order
}

/**
 * A published one-variant product created by a platform admin for `merchantId`, in the storefront's
 * sales channel, without stock tracking (and without shipping unless a profile is given).
 */
export async function adminProduct(
  api: any,
  admin: Headers,
  p: { title: string; amount: number; salesChannelId: string; merchantId: string; kind?: string; shippingProfileId?: string }
) {
  const res = await api.post("/admin/products", {
    title: p.title,
    status: "published",
    ...(p.shippingProfileId ? { shipping_profile_id: p.shippingProfileId } : {}),
    options: [{ title: "Format", values: ["Default"] }],
    variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: p.amount }] }],
    sales_channels: [{ id: p.salesChannelId }],
    additional_data: { merchant_id: p.merchantId, kind: p.kind ?? "PHYSICAL" },
  }, admin)
  return res.data.product
}

/**
 * A flat-rate "Parcel" shipping option (EUR `amount`) delivering to Germany from the merchant's stock
 * location, and the shipping profile products need to be shipped with it.
 */
export async function parcelShipping(api: any, admin: Headers, merchantId: string, amount: number) {
  const locationId = (await api.get(`/admin/merchants/${merchantId}`, admin)).data.merchant.stock_location.id
  const withSet = (await api.post(`/admin/stock-locations/${locationId}/fulfillment-sets?fields=*fulfillment_sets`, { name: `Delivery ${merchantId}`, type: "shipping" }, admin)).data.stock_location
  // The location also has its hidden "No delivery" set for services and courses.
  const set = withSet.fulfillment_sets.find((s: any) => s.name === `Delivery ${merchantId}`)
  const zone = (await api.post(`/admin/fulfillment-sets/${set.id}/service-zones`, { name: "DE", geo_zones: [{ type: "country", country_code: "de" }] }, admin)).data.fulfillment_set.service_zones[0]
  const profile = (await api.post("/admin/shipping-profiles", { name: `Parcels ${merchantId}`, type: "default" }, admin)).data.shipping_profile
  const option = (await api.post("/admin/shipping-options", {
    name: "Parcel", service_zone_id: zone.id, shipping_profile_id: profile.id, provider_id: "manual_manual", price_type: "flat",
    type: { label: "Parcel", description: "2-3 days", code: "parcel" }, prices: [{ currency_code: "eur", amount }],
    rules: [{ attribute: "enabled_in_store", value: "true", operator: "eq" }, { attribute: "is_return", value: "false", operator: "eq" }],
  }, admin)).data.shipping_option
  return { option, profile }
}

/** A registered, signed-in buyer's store headers (bearer + publishable key). */
export async function customerSession(api: any, pk: string, email: string, firstName = "Dee"): Promise<Headers> {
  const reg = await api.post("/auth/customer/emailpass/register", { email, password: "buyer-pass-1" })
  await api.post("/store/customers", { email, first_name: firstName }, { headers: { authorization: `Bearer ${reg.data.token}`, "x-publishable-api-key": pk } })
  const login = await api.post("/auth/customer/emailpass", { email, password: "buyer-pass-1" })
  return { headers: { authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": pk } }
}
