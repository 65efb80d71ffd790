import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PRODUCT_KIND_MODULE } from "../../src/modules/product-kind"
import { ProductKind } from "../../src/modules/product-kind/models/product-kind"
import ProductKindModuleService from "../../src/modules/product-kind/service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<ProductKindModuleService>({
  moduleName: PRODUCT_KIND_MODULE,
  moduleModels: [ProductKind],
  resolve: "./src/modules/product-kind",
  testSuite: ({ service }) => {
    describe("product kind module (real PostgreSQL)", () => {
      it("stores kinds and lists them by kind", async () => {
        await service.createProductKinds([{ kind: "SERVICE" }, { kind: "COURSE" }, { kind: "SERVICE" }])
        const services = await service.listProductKinds({ kind: "SERVICE" })
        expect(services).toHaveLength(2)
        expect(services[0].id).toMatch(/^pkind_/)
      })

      it("refuses a kind outside the enum at the database level", async () => {
        await expect(service.createProductKinds({ kind: "FOOD" as any })).rejects.toThrow()
        expect(await service.listProductKinds({})).toHaveLength(0)
      })

      it("changes a kind in place", async () => {
        const row = await service.createProductKinds({ kind: "PHYSICAL" })
        await service.updateProductKinds({ id: row.id, kind: "COURSE" })
        expect((await service.retrieveProductKind(row.id)).kind).toBe("COURSE")
      })
    })
  },
})
