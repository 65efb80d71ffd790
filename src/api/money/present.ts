import type { MedusaResponse } from "@medusajs/framework/http"
import type { Context, MedusaContainer } from "@medusajs/framework/types"
import { statementCsv } from "../../lib/marketplace-money/statement"
import { storedMinor } from "../../lib/money"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"
import { merchantStatement } from "../../workflows/marketplace-money/statements"
import { factsFor, orderFactsOf } from "./order-facts"

const MONEY_FIELDS = ["gross", "discount", "platform_discount", "tax", "commission", "commission_vat", "net", "subtotal", "amount", "refund_amount", "ours", "theirs"]

/** Our money fields are integer minor units; Medusa's bigNumber columns come back as objects or strings. */
export function plain<T extends Record<string, any>>(row: T): T {
  const out: Record<string, any> = { ...row }
  for (const key of Object.keys(out)) {
    if (key.startsWith("raw_")) delete out[key]
    else if (MONEY_FIELDS.includes(key)) out[key] = out[key] === null || out[key] === undefined ? out[key] : storedMinor(out[key])
    else if (Array.isArray(out[key])) out[key] = out[key].map((x: any) => (x && typeof x === "object" && !(x instanceof Date) ? plain(x) : x))
  }
  return out as T
}

/** The per-merchant splits of an order (optionally one merchant's), with their lines. */
export async function orderSplits(scope: MedusaContainer, orderId: string, merchantId?: string) {
  const marketplace: MarketplaceModuleService = scope.resolve(MARKETPLACE_MODULE)
  const filters: Record<string, unknown> = { order_id: orderId }
  if (merchantId) filters.merchant_id = merchantId
  const splits = await marketplace.listOrderSplits(filters, { relations: ["lines"], order: { created_at: "ASC" } })
  return splits.map(plain)
}

/** JSON, or CSV with `?format=csv` (a file named after the merchant and period). */
export async function sendStatement(scope: MedusaContainer, res: MedusaResponse, merchant: { id: string; handle: string }, period: { from: Date; to: Date }, format: unknown, ctx?: Context) {
  const statement = await merchantStatement(scope, merchant.id, period, ctx)
  if (format === "csv") {
    const name = `statement-${merchant.handle}-${period.from.toISOString().slice(0, 10)}-${period.to.toISOString().slice(0, 10)}.csv`
    res.setHeader("content-type", "text/csv; charset=utf-8")
    res.setHeader("content-disposition", `attachment; filename="${name}"`)
    res.send(statementCsv(statement, period))
    return
  }
  // Rows name their order by number and their line by product, so the dashboard can link to both.
  const facts = await orderFactsOf(scope, statement.flatMap((s) => s.rows))
  const named = statement.map((s) => ({ ...s, rows: s.rows.map((r) => ({ ...r, ...factsFor(facts, r) })) }))
  res.json({ merchant_id: merchant.id, from: period.from, to: period.to, statement: named })
}
