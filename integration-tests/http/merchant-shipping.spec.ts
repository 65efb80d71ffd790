import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { failing } from "../helpers/admin"
import { checkoutActors, setStock } from "../helpers/checkout"
import { drainEventBus } from "../helpers/events"
import { approvedMerchant, productBody } from "../helpers/merchants"
import { toMinor } from "../../src/lib/money"

jest.setTimeout(240 * 1000)

/**
 * Issue 22: a goods merchant sets where and how it ships (zones of countries, options priced per
 * currency in minor units) on its own stock location, without the platform's admin; buyers in those
 * countries see and use the option at checkout; another merchant can neither see nor change it.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    it("merchant A ships to Germany at 7.50 EUR, a buyer there checks out with it, merchant B cannot touch it", async () => {
      const { admin, store } = await checkoutActors(getContainer(), api)
      const eu = (await api.post("/admin/regions", { name: "Europe", currency_code: "eur", countries: ["de", "fr"] }, admin)).data.region
      await api.post("/admin/regions", { name: "UAE", currency_code: "aed", countries: ["ae"] }, admin)
      // After the storefront's channel exists: their warehouses are offered in it.
      const A = await approvedMerchant(api, admin, "ship-a")
      const B = await approvedMerchant(api, admin, "ship-b")
      const goodsStep = async () => (await api.get("/merchant/home", A.owner)).data.checklist.find((c: any) => c.key === "stock_and_shipping")

      // Nothing yet: no zones, the markets are the platform's regions, the checklist step is open.
      const empty = (await api.get("/merchant/shipping", A.owner)).data
      expect(empty.zones).toEqual([])
      expect(empty.location.id).toBeTruthy()
      expect(empty.markets.countries.map((c: any) => [c.country_code, c.currency_code])).toEqual([["ae", "aed"], ["de", "eur"], ["fr", "eur"]])
      expect(empty.markets.currencies).toEqual(["aed", "eur"])
      expect(await goodsStep()).toEqual(expect.objectContaining({ done: false, detail: expect.objectContaining({ ships_somewhere: false }) }))

      // Bad input: 400 with a code, the field and words; nothing is created.
      const bad = async (url: string, body: unknown) => (await failing(api.post(url, body, A.owner)))
      expect(await bad("/merchant/shipping/zones", { name: "Far", countries: ["us"] }))
        .toEqual({ status: 400, data: expect.objectContaining({ code: "SHIPPING_COUNTRY_NOT_SOLD", field: "countries", message: expect.stringMatching(/US/) }) })
      expect((await bad("/merchant/shipping/zones", { name: "None", countries: [] })).status).toBe(400)
      expect((await bad("/merchant/shipping/zones", { name: "  ", countries: ["de"] })).status).toBe(400)
      expect((await bad("/merchant/shipping/zones", { name: "X", countries: ["de"], fee: 1 })).data.code).toBe("UNKNOWN_FIELD")

      const zone = (await api.post("/merchant/shipping/zones", { name: "Germany", countries: ["DE"] }, A.owner)).data.zone
      expect(zone).toEqual({ id: expect.any(String), name: "Germany", countries: ["de"], options: [] })
      expect((await bad("/merchant/shipping/zones", { name: "germany", countries: ["fr"] })).data.code).toBe("SHIPPING_ZONE_NAME_TAKEN")
      expect((await bad("/merchant/shipping/zones", { name: "Again", countries: ["de"] })).data.code).toBe("SHIPPING_COUNTRY_IN_OTHER_ZONE")

      const option = (name: string, prices: unknown) => bad("/merchant/shipping/options", { zone_id: zone.id, name, prices })
      expect((await option("Parcel", [{ currency_code: "eur", amount: 7.5 }])).data).toEqual(expect.objectContaining({ code: "INVALID_FIELD" }))
      expect((await option("Parcel", [{ currency_code: "eur", amount: -1 }])).status).toBe(400)
      expect((await option("Parcel", [{ currency_code: "aed", amount: 2500 }])).data).toEqual(expect.objectContaining({ code: "SHIPPING_PRICE_MISSING", field: "prices" }))
      expect((await option("Parcel", [{ currency_code: "eur", amount: 750 }, { currency_code: "usd", amount: 800 }])).data.code).toBe("SHIPPING_CURRENCY_NOT_SOLD")
      expect((await option("Parcel", [{ currency_code: "eur", amount: 750 }, { currency_code: "EUR", amount: 800 }])).status).toBe(400)

      const created = await api.post("/merchant/shipping/options", { zone_id: zone.id, name: "Parcel", prices: [{ currency_code: "eur", amount: 750 }] }, A.owner)
      expect(created.status).toBe(201)
      const parcel = created.data.shipping_option
      expect(parcel).toEqual({ id: expect.any(String), zone_id: zone.id, name: "Parcel", price_type: "flat", prices: [{ currency_code: "eur", amount: 750 }],
        missing_currencies: [], enabled_in_store: true })
      expect((await api.get("/merchant/shipping", A.owner)).data.zones).toEqual([{ ...zone, options: [parcel] }])
      // One option of its own: the checklist's delivery step is done (a new shop has no goods yet to judge).
      expect(await goodsStep()).toEqual(expect.objectContaining({ done: true, detail: expect.objectContaining({ ships_somewhere: true, regions_without_shipping: [] }) }))

      // A buyer in Germany with A's mug in the cart sees the option at 7.50 EUR and checks out with it.
      const mug = (await api.post("/merchant/products", productBody("Ship mug", { variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: true,
        prices: [{ currency_code: "eur", amount: 10 }, { currency_code: "aed", amount: 40 }] }] }), A.owner)).data.product
      await setStock(api, A.owner, mug.id, mug.variants[0].id, 5)
      const cart = (await api.post("/store/carts", { region_id: eu.id, email: "buyer@ship.test",
        shipping_address: { first_name: "Bea", last_name: "Buyer", address_1: "1 Str", city: "Berlin", country_code: "de", postal_code: "10115" } }, store)).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: mug.variants[0].id, quantity: 1 }, store)
      const offered = async (cartId: string) => (await api.get(`/store/shipping-options?cart_id=${cartId}`, store)).data.shipping_options
        .map((o: any) => ({ id: o.id, name: o.name, amount: toMinor(o.amount, "eur") }))
      expect(await offered(cart.id)).toEqual([{ id: parcel.id, name: "Parcel", amount: 750 }])
      const withShipping = (await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: parcel.id }, store)).data.cart
      expect(toMinor(withShipping.shipping_total, "eur")).toBe(750)
      expect(toMinor(withShipping.total, "eur")).toBe(1750)

      // A new price (9.00 EUR) is what the next buyer sees; renamed too.
      const repriced = await api.post(`/merchant/shipping/options/${parcel.id}`, { name: "Parcel (DHL)", prices: [{ currency_code: "eur", amount: 900 }] }, A.owner)
      expect(repriced.data.shipping_option).toEqual(expect.objectContaining({ name: "Parcel (DHL)", prices: [{ currency_code: "eur", amount: 900 }] }))
      expect(await offered(cart.id)).toEqual([{ id: parcel.id, name: "Parcel (DHL)", amount: 900 }])
      // The zone grows to France (paid in euros too) and keeps its option; a buyer in the UAE sees none of A's.
      expect((await api.post(`/merchant/shipping/zones/${zone.id}`, { countries: ["de", "fr"] }, A.owner)).data.zone)
        .toEqual(expect.objectContaining({ name: "Germany", countries: ["de", "fr"], options: [expect.objectContaining({ id: parcel.id, missing_currencies: [] })] }))

      // Merchant B: sees nothing of A's, and every change of A's zone or option is "not found".
      const bView = (await api.get("/merchant/shipping", B.owner)).data
      expect(bView.zones).toEqual([])
      expect(JSON.stringify(bView)).not.toContain(zone.id)
      const refused = [
        await failing(api.post(`/merchant/shipping/zones/${zone.id}`, { name: "Hacked" }, B.owner)),
        await failing(api.delete(`/merchant/shipping/zones/${zone.id}`, B.owner)),
        await failing(api.post("/merchant/shipping/options", { zone_id: zone.id, name: "Planted", prices: [{ currency_code: "eur", amount: 1 }] }, B.owner)),
        await failing(api.post(`/merchant/shipping/options/${parcel.id}`, { prices: [{ currency_code: "eur", amount: 0 }] }, B.owner)),
        await failing(api.delete(`/merchant/shipping/options/${parcel.id}`, B.owner)),
      ]
      expect(refused.map((r) => [r.status, r.data.code])).toEqual(Array(5).fill([404, "NOT_FOUND"]))
      expect((await api.get("/merchant/shipping", A.owner)).data.zones).toEqual([expect.objectContaining({ name: "Germany",
        options: [expect.objectContaining({ name: "Parcel (DHL)", prices: [{ currency_code: "eur", amount: 900 }] })] })])

      // A removes the option, then the zone: buyers no longer see it.
      expect((await api.delete(`/merchant/shipping/options/${parcel.id}`, A.owner)).data).toEqual({ id: parcel.id, object: "shipping_option", deleted: true })
      expect(await offered(cart.id)).toEqual([])
      expect((await api.delete(`/merchant/shipping/zones/${zone.id}`, A.owner)).data.deleted).toBe(true)
      expect((await api.get("/merchant/shipping", A.owner)).data.zones).toEqual([])
    })
  },
})
