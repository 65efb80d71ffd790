import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import { bookingService } from "../../../workflows/booking/schedules"
import { goodsReadiness, type GoodsReadiness } from "../../../workflows/marketplace/goods-readiness"
import { merchantBalances } from "../../../workflows/marketplace-money/statements"

const DAY_MS = 24 * 3600 * 1000
/** Goods lines waiting on the merchant: paid (start fulfilment) or being packed (ship). */
const TO_SHIP = ["PAID", "FULFILLING"]
const minor = (v: unknown) => Number((v as any)?.numeric ?? v ?? 0)

/**
 * The dashboard's Home in one read: what waits on the merchant, sales and balance at a glance,
 * and the onboarding checklist. `day` is the viewer's today (from/to, their time zone).
 */
export async function merchantHomeSummary(scope: MedusaContainer, merchantId: string, day: { from: Date; to: Date }) {
  const marketplace: MarketplaceModuleService = scope.resolve(MARKETPLACE_MODULE)
  const lines: any = scope.resolve(ORDER_LINES_MODULE)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)

  const [[, toShip], [, bookingsToday], [, disputesOpen], payouts, splits, balances, goods, merchantRows] = await Promise.all([
    lines.listAndCountOrderLines({ merchant_id: merchantId, kind: "PHYSICAL", state: TO_SHIP }, { take: 1 }),
    bookingService(scope).listAndCountBookings({ merchant_id: merchantId, status: "BOOKED", order_id: { $ne: null }, start_at: { $gte: day.from, $lt: day.to } } as any, { take: 1 }),
    marketplace.listAndCountDisputes({ merchant_id: merchantId, status: "OPEN" } as any, { take: 1 }),
    marketplace.listPayouts({ merchant_id: merchantId } as any, { order: { created_at: "DESC" }, take: 5 }),
    marketplace.listOrderSplits({ merchant_id: merchantId, created_at: { $gte: new Date(Date.now() - 30 * DAY_MS) } } as any, { take: 10000 }),
    merchantBalances(scope, merchantId),
    goodsReadiness(scope, merchantId),
    query.graph({
      entity: "merchant",
      fields: ["id", "legal_name", "legal_address", "inn", "trn", "tax_regime", "country_code", "payout_method", "products.id"],
      filters: { id: merchantId },
    }),
  ])

  // Net, commission and the VAT on it (UAE merchants) each as their own figure (issue 17 §5).
  const sales = new Map<string, { currency_code: string; orders: number; gross: number; net: number; commission: number; commission_vat: number }>()
  for (const s of splits as any[]) {
    const row = sales.get(s.currency_code) ?? { currency_code: s.currency_code, orders: 0, gross: 0, net: 0, commission: 0, commission_vat: 0 }
    row.orders += 1
    row.gross += minor(s.gross)
    row.net += minor(s.net)
    row.commission += minor(s.commission)
    row.commission_vat += minor(s.commission_vat)
    sales.set(s.currency_code, row)
  }

  const m: any = merchantRows.data[0] ?? {}
  // The legal profile is whole with the registered name and address and the tax id its market needs.
  const legalDone = !!m.legal_name && !!m.legal_address &&
    (m.country_code === "ru" ? !!m.inn : m.tax_regime === "VAT_PAYER" && m.country_code === "ae" ? !!m.trn : true)
  const { applies: shipsGoods, done: goodsDone, ...goodsDetail } = goods
  const checklist: { key: string; done: boolean; detail?: Omit<GoodsReadiness, "applies" | "done"> }[] = [
    { key: "legal_profile", done: legalDone },
    { key: "payout_method", done: !!m.payout_method },
    // Only for shops that sell (or may yet sell) goods: services and courses ship nothing.
    ...(shipsGoods ? [{ key: "stock_and_shipping", done: goodsDone, detail: goodsDetail }] : []),
    { key: "first_product", done: (m.products ?? []).filter(Boolean).length > 0 },
  ]
  return {
    todos: {
      orders_to_ship: toShip,
      bookings_today: bookingsToday,
      disputes_open: disputesOpen,
      payouts_pending: (payouts as any[]).filter((p) => p.status === "PENDING").length,
    },
    sales_30d: [...sales.values()],
    balances,
    last_payout: (payouts as any[])[0]
      ? { id: payouts[0].id, status: (payouts[0] as any).status, amount: minor((payouts[0] as any).amount), currency_code: (payouts[0] as any).currency_code, created_at: (payouts[0] as any).created_at }
      : null,
    checklist,
    checklist_done: checklist.every((c) => c.done),
  }
}
