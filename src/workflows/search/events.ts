import { SNAIL_EVENTS } from "../../lib/events"
import type { QueueEntity } from "../../modules/search/service"

/**
 * Which change events touch search documents, and what their `id` names. Workflow events only
 * (what the admin, merchant and store APIs emit): module-level events (`pricing.price.created`,
 * …) come by the hundred thousand from bulk loads, which index their products themselves
 * (`seed:catalog`), so subscribing to them would only flood the bus. The drain resolves each
 * entity to its products (src/workflows/search/indexer.ts).
 */
export const SEARCH_EVENT_ENTITIES: Record<string, QueueEntity> = {
  "product.created": "product",
  "product.updated": "product",
  "product.deleted": "product",
  "product-variant.created": "variant",
  "product-variant.updated": "variant",
  "product-variant.deleted": "variant",
  "inventory-item.updated": "inventory_item",
  "inventory-level.created": "inventory_level",
  "inventory-level.updated": "inventory_level",
  "inventory-level.deleted": "inventory_level",
  [SNAIL_EVENTS.MERCHANT_APPROVED]: "merchant",
  [SNAIL_EVENTS.MERCHANT_REJECTED]: "merchant",
  [SNAIL_EVENTS.MERCHANT_SUSPENDED]: "merchant",
  [SNAIL_EVENTS.BOOKING_RESCHEDULED]: "booking",
  // Checkout reserves stock and slots inside workflow steps that emit no event of their own.
  "order.placed": "order",
  "order.canceled": "order",
}
