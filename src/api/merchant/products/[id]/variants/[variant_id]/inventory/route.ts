import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, updateInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"
import { SnailError } from "../../../../../../../lib/snail-error"
import type { MerchantRequest } from "../../../../../context"
import { assertOwnVariant } from "../../../../../scope"

/** Sets the variant's stock at the merchant's own location (never at anyone else's). */
export const POST = async (req: MerchantRequest, res: MedusaResponse) => {
  const { merchant } = req.merchantContext
  await assertOwnVariant(req.scope, merchant.id, req.params.id, req.params.variant_id)
  const { stocked_quantity } = (req as any).validatedBody as { stocked_quantity: number }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)

  const [{ data: merchants }, { data: variants }] = await Promise.all([
    query.graph({ entity: "merchant", fields: ["stock_location.id"], filters: { id: merchant.id } }),
    query.graph({
      entity: "product_variant",
      fields: ["id", "manage_inventory", "inventory_items.inventory_item_id", "inventory_items.inventory.location_levels.location_id"],
      filters: { id: req.params.variant_id },
    }),
  ])
  const locationId = merchants[0]?.stock_location?.id
  const item = variants[0]?.inventory_items?.[0]
  if (!locationId) throw new SnailError(409, "CONFLICT", "The merchant has no stock location yet")
  if (!item) throw new SnailError(409, "CONFLICT", "This variant does not track inventory (manage_inventory is off)")

  const hasLevel = (item.inventory?.location_levels ?? []).some((l: any) => l?.location_id === locationId)
  const level = { inventory_item_id: item.inventory_item_id, location_id: locationId, stocked_quantity }
  if (hasLevel) await updateInventoryLevelsWorkflow(req.scope).run({ input: { updates: [level] } })
  else await createInventoryLevelsWorkflow(req.scope).run({ input: { inventory_levels: [level] } })
  res.json({ inventory_level: level })
}
