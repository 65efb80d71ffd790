import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SnailError } from "../../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"

/** Makes `merchant_id` the owner of freshly created products (one link row per product). */
export const linkProductsToMerchantStep = createStep(
  "link-products-to-merchant",
  async (input: { merchant_id: string; product_ids: string[] }, { container }) => {
    const service: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
    const [merchant] = await service.listMerchants({ id: input.merchant_id }, { select: ["id"] })
    if (!merchant) throw new SnailError(404, "NOT_FOUND", `Merchant ${input.merchant_id} does not exist`, "additional_data.merchant_id")
    const links = input.product_ids.map((product_id) => ({
      [MARKETPLACE_MODULE]: { merchant_id: merchant.id },
      [Modules.PRODUCT]: { product_id },
    }))
    await container.resolve(ContainerRegistrationKeys.LINK).create(links)
    return new StepResponse(undefined, links)
  },
  async (links, { container }) => {
    if (links?.length) await container.resolve(ContainerRegistrationKeys.LINK).dismiss(links)
  }
)
