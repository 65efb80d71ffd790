import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import { ensureNoDeliveryAt, removeNoDeliverySet } from "../../order-lines/no-delivery"

/**
 * Gives an approved merchant its own stock location (DESIGN.md §4: stock is reserved at the
 * merchant's location), available to every sales channel and shipped by the manual provider, with
 * its hidden "No delivery" option for services and courses (so the Medusa admin's "Fulfill items"
 * form finds an option at this location for an order of only those; never offered in the store).
 */
export const ensureMerchantStockLocationStep = createStep(
  "ensure-merchant-stock-location",
  async (input: { merchant_id: string; display_name: string; country_code: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "merchant", fields: ["stock_location.id"], filters: { id: input.merchant_id } })
    const existing = data[0]?.stock_location?.id
    if (existing) {
      // A location made before it had one gets its "No delivery" option now (kept: the location stays too).
      await ensureNoDeliveryAt(container, existing)
      return new StepResponse(existing, null)
    }

    const stockLocations = container.resolve(Modules.STOCK_LOCATION)
    const salesChannels = container.resolve(Modules.SALES_CHANNEL)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const location = await stockLocations.createStockLocations({
      name: `${input.display_name} warehouse`,
      address: { address_1: "—", country_code: input.country_code },
    })
    const channels = await salesChannels.listSalesChannels({}, { select: ["id"] })
    const links: any[] = [
      { [MARKETPLACE_MODULE]: { merchant_id: input.merchant_id }, [Modules.STOCK_LOCATION]: { stock_location_id: location.id } },
      { [Modules.STOCK_LOCATION]: { stock_location_id: location.id }, [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" } },
      ...channels.map((c) => ({ [Modules.SALES_CHANNEL]: { sales_channel_id: c.id }, [Modules.STOCK_LOCATION]: { stock_location_id: location.id } })),
    ]
    await link.create(links)
    const noDelivery = await ensureNoDeliveryAt(container, location.id)
    return new StepResponse(location.id, { location_id: location.id, links, no_delivery_set_id: noDelivery.created ? noDelivery.set_id : null })
  },
  async (created, { container }) => {
    if (!created) return
    if (created.no_delivery_set_id) await removeNoDeliverySet(container, created.no_delivery_set_id, created.location_id)
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss(created.links)
    await container.resolve(Modules.STOCK_LOCATION).deleteStockLocations([created.location_id])
  }
)
