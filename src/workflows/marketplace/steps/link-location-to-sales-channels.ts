import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Makes the merchant's stock location reachable from the given sales channels: Medusa's cart
 * refuses a stock-tracked variant whose channel has no location ("Sales channel … is not
 * associated with any stock location"), and channels created after the merchant was approved
 * were never linked. Only missing links are created (and dismissed again on compensation).
 */
export const linkLocationToSalesChannelsStep = createStep(
  "link-merchant-location-to-sales-channels",
  async (input: { location_id: string; sales_channel_ids: string[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "stock_location", fields: ["id", "sales_channels.id"], filters: { id: input.location_id } })
    const linked = new Set(((data[0] as any)?.sales_channels ?? []).filter(Boolean).map((c: any) => c.id))
    const links = input.sales_channel_ids
      .filter((id) => !linked.has(id))
      .map((id) => ({ [Modules.SALES_CHANNEL]: { sales_channel_id: id }, [Modules.STOCK_LOCATION]: { stock_location_id: input.location_id } }))
    if (links.length) await container.resolve(ContainerRegistrationKeys.LINK).create(links)
    return new StepResponse(links.length, links)
  },
  async (links, { container }) => {
    if (links?.length) await container.resolve(ContainerRegistrationKeys.LINK).dismiss(links)
  }
)
