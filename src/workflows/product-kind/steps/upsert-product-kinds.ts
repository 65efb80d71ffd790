import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { BookingMode, ProductKindValue } from "../../../lib/product-kinds"
import { PRODUCT_KIND_MODULE } from "../../../modules/product-kind"
import type ProductKindModuleService from "../../../modules/product-kind/service"

/** `booking_mode` undefined keeps the stored one; it only means something for SERVICE. */
export type ProductKindAssignment = { product_id: string; kind: ProductKindValue; booking_mode?: BookingMode | null }

type Row = { id: string; kind: ProductKindValue; booking_mode: BookingMode | null }
type Compensation = {
  created: string[]
  previous: Row[]
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
      fields: ["id", "product_kind.id", "product_kind.kind", "product_kind.booking_mode"],
      filters: { id: assignments.map((a) => a.product_id) },
    })
    const existing = new Map(products.map((p: any) => [p.id, p.product_kind as Row | null]))

    const previous: Compensation["previous"] = []
    const toUpdate: Row[] = []
    const toCreate: ProductKindAssignment[] = []
    for (const a of assignments) {
      const row = existing.get(a.product_id)
      // Only services have a booking mode: another kind clears it.
      const mode = a.kind !== "SERVICE" ? null : a.booking_mode === undefined ? row?.booking_mode ?? null : a.booking_mode
      if (!row) toCreate.push({ ...a, booking_mode: mode })
      else if (row.kind !== a.kind || (row.booking_mode ?? null) !== mode) {
        previous.push({ id: row.id, kind: row.kind, booking_mode: row.booking_mode ?? null })
        toUpdate.push({ id: row.id, kind: a.kind, booking_mode: mode })
      }
    }

    if (toUpdate.length) await service.updateProductKinds(toUpdate)
    const created = toCreate.length ? await service.createProductKinds(toCreate.map((a) => ({ kind: a.kind, booking_mode: a.booking_mode ?? null }))) : []
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
