import { SNAIL_EVENTS } from "../../lib/events"
import type { QueueEntity } from "../../modules/search/service"

/**
 * Which change events touch search documents, and what their `id` names. Workflow events and
 * module events both: core flows emit the former, direct module writes (bulk loads) the latter.
 * The drain resolves each entity to its products (src/workflows/search/indexer.ts).
 */
export const SEARCH_EVENT_ENTITIES: Record<string, QueueEntity> = {
  "product.created": "product",
  "product.updated": "product",
  "product.deleted": "product",
  "product.product.created": "product",
  "product.product.updated": "product",
  "product.product.deleted": "product",
  "product-variant.created": "variant",
  "product-variant.updated": "variant",
  "product-variant.deleted": "variant",
  "product.product-variant.created": "variant",
  "product.product-variant.updated": "variant",
  "product.product-variant.deleted": "variant",
  "inventory-item.updated": "inventory_item",
  "inventory.inventory-item.updated": "inventory_item",
  "inventory-level.created": "inventory_level",
  "inventory-level.updated": "inventory_level",
  "inventory-level.deleted": "inventory_level",
  "inventory.inventory-level.created": "inventory_level",
  "inventory.inventory-level.updated": "inventory_level",
  "inventory.inventory-level.deleted": "inventory_level",
  "inventory.reservation-item.created": "reservation",
  "inventory.reservation-item.updated": "reservation",
  "inventory.reservation-item.deleted": "reservation",
  "pricing.price.created": "price",
  "pricing.price.updated": "price",
  "pricing.price.deleted": "price",
  "pricing.price-set.updated": "price_set",
  [SNAIL_EVENTS.MERCHANT_APPROVED]: "merchant",
  [SNAIL_EVENTS.MERCHANT_REJECTED]: "merchant",
  [SNAIL_EVENTS.MERCHANT_SUSPENDED]: "merchant",
  [SNAIL_EVENTS.BOOKING_RESCHEDULED]: "booking",
}
