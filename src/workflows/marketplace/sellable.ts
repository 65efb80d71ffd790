import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SnailError } from "../../lib/snail-error"
import { isValidInn } from "../../lib/tax-ids"

/**
 * Orders in this currency are the Russian market: fiscalised under 54-FZ with the merchant named as
 * the supplier (its INN, tag 1226) on the platform's agent receipts.
 */
export const RU_MARKET_CURRENCY = "rub"

/**
 * Throws 422 MERCHANT_NOT_APPROVED when a variant belongs to a merchant that is not APPROVED, and
 * 422 MERCHANT_NOT_IN_MARKET when a rouble cart would get a merchant without a valid INN (issue 17
 * §2): such a sale could never be fiscalised, so it is refused before it is made, not after.
 */
export async function assertVariantsSellable(container: MedusaContainer, variantIds: (string | undefined)[], currencyCode?: string | null) {
  const ids = [...new Set(variantIds.filter(Boolean))] as string[]
  if (!ids.length) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product.title", "product.merchant.display_name", "product.merchant.kyc_status", "product.merchant.inn"],
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
  if (String(currencyCode ?? "").toLowerCase() !== RU_MARKET_CURRENCY) return
  const noInn: any = data.find((v: any) => v.product?.merchant && !isValidInn(String(v.product.merchant.inn ?? "")))
  if (noInn) {
    throw new SnailError(
      422,
      "MERCHANT_NOT_IN_MARKET",
      `'${noInn.product.title}' cannot be bought in roubles: its seller ${noInn.product.merchant.display_name} has not given the Russian tax number (INN) the receipt must name`
    )
  }
}
