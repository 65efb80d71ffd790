import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Gives every stock-tracked variant of a product an inventory level at the merchant's location
 * (the stocked quantity the merchant gave, 0 otherwise), so its stock lives where its lines are
 * reserved. Existing levels are left as they are; created ones are removed on compensation.
 */
export const stockVariantsAtLocationStep = createStep(
  "stock-variants-at-merchant-location",
  async (input: { product_id: string; location_id: string; quantities?: Record<string, number> }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "sku", "title", "manage_inventory", "inventory_items.inventory_item_id", "inventory_items.inventory.location_levels.location_id"],
      filters: { product_id: input.product_id },
    })
    const levels: { inventory_item_id: string; location_id: string; stocked_quantity: number }[] = []
    for (const v of data as any[]) {
      if (!v.manage_inventory) continue
      for (const link of (v.inventory_items ?? []).filter(Boolean)) {
        const has = (link.inventory?.location_levels ?? []).some((l: any) => l?.location_id === input.location_id)
        if (has) continue
        const qty = input.quantities?.[v.id] ?? input.quantities?.[v.sku] ?? input.quantities?.[v.title] ?? 0
        levels.push({ inventory_item_id: link.inventory_item_id, location_id: input.location_id, stocked_quantity: qty })
      }
    }
    const created = levels.length ? await container.resolve(Modules.INVENTORY).createInventoryLevels(levels) : []
    return new StepResponse(levels, created.map((l: any) => l.id))
  },
  async (ids, { container }) => {
    if (ids?.length) await container.resolve(Modules.INVENTORY).deleteInventoryLevels(ids)
  }
)
