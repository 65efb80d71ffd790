import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ensureMerchantStockLocationStep } from "./steps/ensure-merchant-stock-location"
import { linkLocationToSalesChannelsStep } from "./steps/link-location-to-sales-channels"
import { stockVariantsAtLocationStep } from "./steps/stock-variants-at-location"

export type StockMerchantProductInput = {
  merchant: { id: string; display_name: string; country_code: string }
  product_id: string
  sales_channel_ids: string[]
  /** Stocked quantity by variant id, sku or title (the merchant's create body names variants by title). */
  quantities?: Record<string, number>
}

/**
 * Sellable by construction (issue 16 §5): a merchant's physical product gets its stock at the
 * merchant's own location (created if the merchant has none), reachable from the product's sales
 * channels, so add-to-cart finds it.
 */
export const stockMerchantProductWorkflow = createWorkflow("stock-merchant-product", (input: StockMerchantProductInput) => {
  const locationInput = transform({ input }, ({ input }) => ({
    merchant_id: input.merchant.id, display_name: input.merchant.display_name, country_code: input.merchant.country_code,
  }))
  const locationId = ensureMerchantStockLocationStep(locationInput)
  const linkInput = transform({ input, locationId }, ({ input, locationId }) => ({ location_id: locationId, sales_channel_ids: input.sales_channel_ids }))
  linkLocationToSalesChannelsStep(linkInput)
  const stockInput = transform({ input, locationId }, ({ input, locationId }) => ({ product_id: input.product_id, location_id: locationId, quantities: input.quantities }))
  const levels = stockVariantsAtLocationStep(stockInput)
  return new WorkflowResponse({ location_id: locationId, levels })
})
