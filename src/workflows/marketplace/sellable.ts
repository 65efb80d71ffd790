import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SnailError } from "../../lib/snail-error"

/** Throws 422 MERCHANT_NOT_APPROVED when a variant belongs to a merchant that is not APPROVED. */
export async function assertVariantsSellable(container: MedusaContainer, variantIds: (string | undefined)[]) {
  const ids = [...new Set(variantIds.filter(Boolean))] as string[]
  if (!ids.length) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product.title", "product.merchant.display_name", "product.merchant.kyc_status"],
    filters: { id: ids },
  })
  const blocked: any = data.find((v: any) => v.product?.merchant && v.product.merchant.kyc_status !== "APPROVED")
  if (blocked) {
    throw new SnailError(
      422,
      "MERCHANT_NOT_APPROVED",
      `'${blocked.product.title}' cannot be bought: its merchant ${blocked.product.merchant.display_name} is not approved`
    )
  }
}
