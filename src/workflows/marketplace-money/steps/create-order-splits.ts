import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { defaultCommissionBps, promotionFundedByDefault } from "../../../lib/marketplace-money/config"
import { defaultRule } from "../../../lib/marketplace-money/commission"
import { computeSplits } from "../../../lib/marketplace-money/splits"
import { LINE_AMOUNT_FIELDS, orderItemAmounts } from "../../../lib/order-items"
import { commissionVatMinor } from "../../../lib/vat-ae"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"

/**
 * Writes one split per merchant when the order is placed (its payment is authorized then), with the
 * commission rules valid at that moment. Idempotent: an order that has splits keeps them.
 */
export const createOrderSplitsStep = createStep("create-order-splits", async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  const orderLines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  if ((await marketplace.listOrderSplits({ order_id: input.order_id }, { take: 1 })).length) return new StepResponse([] as string[], [] as string[])

  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "created_at", "items.id", "items.product_id", ...LINE_AMOUNT_FIELDS],
    filters: { id: input.order_id },
  })
  if (!order) return new StepResponse([] as string[], [] as string[])
  const lines = await orderLines.listOrderLines({ order_id: order.id })
  if (!lines.length) return new StepResponse([] as string[], [] as string[])
  const items = (order.items ?? []).filter(Boolean) as any[]
  // Who funds each promotion, as it stands when the order is placed (the split keeps it).
  const promotionIds = [...new Set(items.flatMap((i) => (i.adjustments ?? []).map((a: any) => a?.promotion_id)).filter(Boolean))] as string[]
  const fundings = promotionIds.length ? await marketplace.listPromotionFundings({ promotion_id: promotionIds }) : []
  const fundedBy = new Map(fundings.map((f) => [f.promotion_id, f.funded_by] as const))
  const fallbackFunder = promotionFundedByDefault()
  const amounts = orderItemAmounts(items, order.currency_code, (promotionId) => (promotionId ? fundedBy.get(promotionId) ?? fallbackFunder : fallbackFunder) === "platform")
  const productIds = [...new Set(items.map((i) => i.product_id).filter(Boolean))] as string[]
  const { data: products } = productIds.length
    ? await query.graph({ entity: "product", fields: ["id", "categories.id"], filters: { id: productIds } })
    : { data: [] as any[] }
  const categoriesOf = new Map<string, string[]>(products.map((p: any) => [p.id, (p.categories ?? []).filter(Boolean).map((c: any) => c.id)] as [string, string[]]))
  const itemById = new Map<string, any>(items.map((i) => [i.id, i] as [string, any]))
  const merchantIds = [...new Set(lines.map((l) => l.merchant_id).filter(Boolean))] as string[]
  const merchants = merchantIds.length ? await marketplace.listMerchants({ id: merchantIds }, { select: ["id", "country_code", "tax_regime", "trn"] }) : []
  const merchantById = new Map(merchants.map((m) => [m.id, m] as const))
  const rules = await marketplace.listCommissionRules({ $or: [{ merchant_id: null }, ...(merchantIds.length ? [{ merchant_id: merchantIds }] : [])] } as any)

  const splits = computeSplits({
    currency_code: order.currency_code,
    lines: lines
      .filter((l) => amounts.has(l.line_item_id))
      .map((l) => ({
        order_line_id: l.id,
        line_item_id: l.line_item_id,
        merchant_id: l.merchant_id,
        kind: l.kind,
        category_ids: categoriesOf.get(itemById.get(l.line_item_id)?.product_id) ?? [],
        amounts: amounts.get(l.line_item_id)!,
      })),
    rules: rules as any,
    at: new Date(order.created_at as any),
    fallback: defaultRule(defaultCommissionBps()),
    // The platform's commission carries VAT where its place of supply says so (UAE merchants: 5 %).
    commissionVat: (merchantId, commission) => commissionVatMinor(commission, merchantById.get(merchantId) as any),
  })
  const created: any[] = await (marketplace.createOrderSplits as any)(
    splits.map((s) => ({
      order_id: order.id, merchant_id: s.merchant_id, currency_code: s.currency_code,
      gross: s.gross, discount: s.discount, platform_discount: s.platform_discount, tax: s.tax, commission: s.commission, commission_vat: s.commission_vat, net: s.net,
    }))
  )
  await (marketplace.createSplitLines as any)(
    splits.flatMap((s, i) => s.lines.map((l) => ({ ...l, order_id: order.id, currency_code: s.currency_code, split_id: created[i].id })))
  )
  const ids: string[] = created.map((s) => s.id)
  return new StepResponse(ids, ids)
}, async (ids, { container }) => {
  if (ids?.length) await (container.resolve(MARKETPLACE_MODULE) as MarketplaceModuleService).deleteOrderSplits(ids)
})
