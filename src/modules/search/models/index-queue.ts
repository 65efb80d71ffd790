import { model } from "@medusajs/framework/utils"

/**
 * What changed and must be re-projected: (entity, id) as the event named it — a product, variant,
 * inventory item, price set, merchant, schedule or course. The drain job resolves each to product
 * ids and deletes a row only after its products' documents are written, so a crash mid-batch
 * leaves the row for the next run (its claim times out). Table created by the module's migration.
 */
export const SearchIndexQueue = model.define("search_index_queue", {
  id: model.id({ prefix: "siq" }).primaryKey(),
  entity: model.text(),
  entity_id: model.text(),
  reason: model.text().nullable(),
  claimed_at: model.dateTime().nullable(),
  attempts: model.number().default(0),
})
