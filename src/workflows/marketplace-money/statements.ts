import type { Context, MedusaContainer } from "@medusajs/framework/types"
import { buildStatement, STATEMENT_ACCOUNTS } from "../../lib/marketplace-money/statement"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"
import { storedMinor } from "../../lib/money"

/** A merchant's statement over [from, to): read-only, derived from the ledger. */
export async function merchantStatement(container: MedusaContainer, merchantId: string, period: { from: Date; to: Date }, ctx?: Context) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  const opening = await marketplace.ledgerBalances({ merchant_id: merchantId, accounts: STATEMENT_ACCOUNTS, before: period.from }, ctx)
  const entries = await marketplace.listLedgerEntries(
    { merchant_id: merchantId, account: [...STATEMENT_ACCOUNTS, "PLATFORM_REVENUE", "PLATFORM_VAT_PAYABLE", "PLATFORM_PROMOTIONS"], created_at: { $gte: period.from, $lt: period.to } } as any,
    { order: { created_at: "ASC", journal_key: "ASC", seq: "ASC" } as any },
    ctx
  )
  return buildStatement(
    opening.map((o) => ({ account: o.account, currency_code: o.currency_code, amount: o.amount })),
    entries.map((e: any) => ({ ...e, amount: storedMinor(e.amount) }))
  )
}

/** Current balances of a merchant per currency: escrow, available, in transit, paid out. */
export async function merchantBalances(container: MedusaContainer, merchantId: string, ctx?: Context) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  const rows = await marketplace.ledgerBalances({ merchant_id: merchantId, accounts: ["MERCHANT_ESCROW", "MERCHANT_AVAILABLE", "PAYOUTS_IN_TRANSIT", "PAYOUTS_PAID"] }, ctx)
  const byCurrency = new Map<string, { currency_code: string; escrow: number; available: number; in_transit: number; paid_out: number }>()
  for (const r of rows) {
    const b = byCurrency.get(r.currency_code) ?? { currency_code: r.currency_code, escrow: 0, available: 0, in_transit: 0, paid_out: 0 }
    if (r.account === "MERCHANT_ESCROW") b.escrow += r.amount
    if (r.account === "MERCHANT_AVAILABLE") b.available += r.amount
    if (r.account === "PAYOUTS_IN_TRANSIT") b.in_transit += r.amount
    if (r.account === "PAYOUTS_PAID") b.paid_out += r.amount
    byCurrency.set(r.currency_code, b)
  }
  return [...byCurrency.values()]
}
