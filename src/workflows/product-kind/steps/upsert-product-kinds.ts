import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ProductKindValue } from "../../../lib/product-kinds"
import { PRODUCT_KIND_MODULE } from "../../../modules/product-kind"
import type ProductKindModuleService from "../../../modules/product-kind/service"

export type ProductKindAssignment = { product_id: string; kind: ProductKindValue }

type Compensation = {
  created: string[]
  previous: { id: string; kind: ProductKindValue }[]
}

/**
 * Updates the kind row of products that have one and creates rows for those that do not.
 * Returns the rows still to be linked to their product.
 */
export const upsertProductKindsStep = createStep(
  "upsert-product-kinds",
  async (assignments: ProductKindAssignment[], { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: ProductKindModuleService = container.resolve(PRODUCT_KIND_MODULE)

    const { data: products } = await query.graph({
      entity: "product",
      fields: ["id", "product_kind.id", "product_kind.kind"],
      filters: { id: assignments.map((a) => a.product_id) },
    })
    const existing = new Map(products.map((p: any) => [p.id, p.product_kind as { id: string; kind: ProductKindValue } | null]))

    const previous: Compensation["previous"] = []
    const toUpdate: { id: string; kind: ProductKindValue }[] = []
    const toCreate: ProductKindAssignment[] = []
    for (const a of assignments) {
      const row = existing.get(a.product_id)
      if (!row) toCreate.push(a)
      else if (row.kind !== a.kind) {
        previous.push({ id: row.id, kind: row.kind })
        toUpdate.push({ id: row.id, kind: a.kind })
      }
    }

    if (toUpdate.length) await service.updateProductKinds(toUpdate)
    const created = toCreate.length ? await service.createProductKinds(toCreate.map((a) => ({ kind: a.kind }))) : []
    const toLink = created.map((row, i) => ({ product_id: toCreate[i].product_id, product_kind_id: row.id }))

    return new StepResponse(toLink, { created: created.map((r) => r.id), previous } satisfies Compensation)
  },
  async (compensation, { container }) => {
    if (!compensation) return
    const service: ProductKindModuleService = container.resolve(PRODUCT_KIND_MODULE)
    if (compensation.created.length) await service.deleteProductKinds(compensation.created)
    if (compensation.previous.length) await service.updateProductKinds(compensation.previous)
  }
)
