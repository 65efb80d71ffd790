import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, failing, storefrontAccess } from "../helpers/admin"
import { drainEventBus } from "../helpers/events"
import { waitFor } from "../helpers/wait"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let salesChannelId: string

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container, api)
      ;({ storeHeaders: store, salesChannelId } = await storefrontAccess(container))
    })

    const createProduct = (title: string, kind?: string) =>
      api.post(
        "/admin/products",
        {
          title,
          status: "published",
          options: [{ title: "Format", values: ["Default"] }],
          variants: [{ title: "Default", options: { Format: "Default" }, prices: [{ currency_code: "eur", amount: 10 }] }],
          sales_channels: [{ id: salesChannelId }],
          ...(kind ? { additional_data: { kind } } : {}),
        },
        admin
      )

    describe("product kinds", () => {
      it("creates a product of each kind through the admin API and reads it back through the store API", async () => {
        const created: Record<string, string> = {}
        for (const kind of ["PHYSICAL", "SERVICE", "COURSE"]) {
          const res = await createProduct(`A ${kind.toLowerCase()} product`, kind)
          expect(res.status).toBe(200)
          expect(res.data.product.kind).toBe(kind)
          created[kind] = res.data.product.id
        }

        for (const [kind, id] of Object.entries(created)) {
          const res = await api.get(`/store/products/${id}`, store)
          expect(res.data.product).toEqual(expect.objectContaining({ id, kind }))
          expect(res.data.product.product_kind).toBeUndefined()
        }

        const list = await api.get("/store/products", store)
        expect(list.data.products.map((p: any) => p.kind).sort()).toEqual(["COURSE", "PHYSICAL", "SERVICE"])
      })

      it("filters the store listing by kind, combined with other filters and pagination", async () => {
        await createProduct("Haircut", "SERVICE")
        await createProduct("Yoga", "SERVICE")
        await createProduct("Mug", "PHYSICAL")

        const services = await api.get("/store/products?kind=SERVICE", store)
        expect(services.data.count).toBe(2)
        expect(services.data.products.every((p: any) => p.kind === "SERVICE")).toBe(true)

        const firstPage = await api.get("/store/products?kind=SERVICE&limit=1&order=title", store)
        expect(firstPage.data.products.map((p: any) => p.title)).toEqual(["Haircut"])
        expect(firstPage.data.count).toBe(2)

        // `q` goes through the search index, which the product events fill within moments.
        const searched = await waitFor((): Promise<any> => api.get("/store/products?kind=SERVICE&q=yoga", store), (r) => r.data.products.length > 0)
        expect(searched.data.products.map((p: any) => p.title)).toEqual(["Yoga"])

        const none = await api.get("/store/products?kind=COURSE", store)
        expect(none.data).toEqual(expect.objectContaining({ products: [], count: 0 }))

        const adminList = await api.get("/admin/products?kind=PHYSICAL", admin)
        expect(adminList.data.products.map((p: any) => p.title)).toEqual(["Mug"])
      })

      it("defaults to PHYSICAL when no kind is given and changes kind through the admin API", async () => {
        const res = await createProduct("No kind given")
        expect(res.data.product.kind).toBe("PHYSICAL")

        const updated = await api.post(`/admin/products/${res.data.product.id}`, { additional_data: { kind: "COURSE" } }, admin)
        expect(updated.data.product.kind).toBe("COURSE")

        const courses = await api.get("/store/products?kind=COURSE", store)
        expect(courses.data.products.map((p: any) => p.id)).toEqual([res.data.product.id])
        const physical = await api.get("/store/products?kind=PHYSICAL", store)
        expect(physical.data.count).toBe(0)
      })

      it("rejects an unknown kind with a 400 naming the field", async () => {
        const onCreate = await failing(createProduct("Bad", "FOOD"))
        expect(onCreate.status).toBe(400)
        expect(onCreate.data).toEqual(
          expect.objectContaining({ code: "INVALID_PRODUCT_KIND", field: "additional_data.kind", type: "invalid_data" })
        )
        expect(onCreate.data.message).toContain("kind")

        const onFilter = await failing(api.get("/store/products?kind=food", store))
        expect(onFilter.status).toBe(400)
        expect(onFilter.data).toEqual(expect.objectContaining({ code: "INVALID_PRODUCT_KIND", field: "kind" }))

        const list = await api.get("/admin/products", admin)
        expect(list.data.count).toBe(0)
      })
    })

    describe("bad input", () => {
      it("answers malformed JSON, unknown fields and wrong types with a 400 and a code", async () => {
        const malformed = await failing(
          api.post("/admin/products", '{"title": ', { headers: { ...admin.headers, "content-type": "application/json" } })
        )
        expect(malformed.status).toBe(400)
        expect(malformed.data.code).toBe("MALFORMED_JSON")

        const unknown = await failing(api.post("/admin/products", { title: "x", colour: "red" }, admin))
        expect(unknown.status).toBe(400)
        expect(unknown.data).toEqual(expect.objectContaining({ code: "UNKNOWN_FIELD", field: "colour" }))

        const wrongType = await failing(api.post("/admin/products", { title: 42 }, admin))
        expect(wrongType.status).toBe(400)
        expect(wrongType.data).toEqual(expect.objectContaining({ code: "INVALID_FIELD", field: "title" }))
      })

      it("refuses store requests without or with a wrong publishable key", async () => {
        const missing = await failing(api.get("/store/products"))
        expect(missing.status).toBe(400)
        expect(missing.data.code).toBe("PUBLISHABLE_KEY_REQUIRED")

        const wrong = await failing(api.get("/store/products", { headers: { "x-publishable-api-key": "pk_not_a_key" } }))
        expect(wrong.status).toBe(400)
        expect(wrong.data.code).toBe("PUBLISHABLE_KEY_INVALID")
      })

      it("refuses admin requests without authentication", async () => {
        // Medusa's authentication middleware answers before any project middleware can run.
        const res = await failing(api.get("/admin/products"))
        expect(res.status).toBe(401)
        expect(res.data.message).toBe("Unauthorized")
      })
    })
  },
})
