import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectTransactionManager, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { assertBalanced, type Journal, type LedgerAccount } from "../../lib/marketplace-money/ledger"
import { CommissionRule } from "./models/commission-rule"
import { Dispute, DisputeMessage } from "./models/dispute"
import { LedgerEntry } from "./models/ledger-entry"
import { Merchant } from "./models/merchant"
import { MerchantInvite } from "./models/merchant-invite"
import { MerchantUser } from "./models/merchant-user"
import { OrderSplit } from "./models/order-split"
import { Payout, PayoutBatch } from "./models/payout"
import { PromotionFunding } from "./models/promotion-funding"
import { ReconciliationMismatch } from "./models/reconciliation-mismatch"
import { SplitLine } from "./models/split-line"

export type BalanceRow = { merchant_id: string | null; account: LedgerAccount; currency_code: string; amount: number }

export default class MarketplaceModuleService extends MedusaService({
  Merchant, MerchantUser, MerchantInvite, CommissionRule, OrderSplit, SplitLine, LedgerEntry, PayoutBatch, Payout,
  Dispute, DisputeMessage, ReconciliationMismatch, PromotionFunding,
}) {
  /**
   * Books journals, each atomically and at most once: a journal whose key is already booked (a
   * redelivered event, a concurrent run) inserts nothing. Returns the keys booked by this call.
   */
  @InjectTransactionManager()
  async postJournals(journals: Journal[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const em = sharedContext.transactionManager as any
    const posted: string[] = []
    for (const journal of journals) {
      assertBalanced(journal)
      const values: unknown[] = []
      const rows = journal.entries.map((e, seq) => {
        values.push(
          generateEntityId(undefined, "led"), journal.key, seq, journal.kind, e.account, e.merchant_id, journal.currency_code.toLowerCase(),
          e.amount, JSON.stringify({ value: String(e.amount), precision: 20 }), journal.order_id ?? null, journal.order_line_id ?? null,
          journal.payout_id ?? null, journal.dispute_id ?? null
        )
        return "(?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, now(), now())"
      })
      const inserted: unknown[] = await em.execute(
        `INSERT INTO "ledger_entry" ("id", "journal_key", "seq", "kind", "account", "merchant_id", "currency_code", "amount", "raw_amount",
           "order_id", "order_line_id", "payout_id", "dispute_id", "created_at", "updated_at")
         VALUES ${rows.join(", ")}
         ON CONFLICT ("journal_key", "seq") WHERE "deleted_at" IS NULL DO NOTHING RETURNING "id"`,
        values
      )
      if (inserted.length === journal.entries.length) posted.push(journal.key)
      else if (inserted.length) throw new Error(`Journal ${journal.key} was half booked; refusing`)
    }
    return posted
  }

  /** Balances derived from postings, grouped by merchant, account and currency. */
  @InjectManager()
  async ledgerBalances(
    filter: { merchant_id?: string; accounts?: LedgerAccount[]; currency_code?: string; before?: Date; order_id?: string; order_line_ids?: string[] } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<BalanceRow[]> {
    const em = sharedContext.manager as any
    const where = [`"deleted_at" IS NULL`]
    const values: unknown[] = []
    if (filter.merchant_id) (where.push(`"merchant_id" = ?`), values.push(filter.merchant_id))
    if (filter.currency_code) (where.push(`"currency_code" = ?`), values.push(filter.currency_code.toLowerCase()))
    if (filter.accounts?.length) (where.push(`"account" IN (${filter.accounts.map(() => "?").join(", ")})`), values.push(...filter.accounts))
    if (filter.order_id) (where.push(`"order_id" = ?`), values.push(filter.order_id))
    if (filter.order_line_ids?.length) (where.push(`"order_line_id" IN (${filter.order_line_ids.map(() => "?").join(", ")})`), values.push(...filter.order_line_ids))
    if (filter.before) (where.push(`"created_at" < ?`), values.push(filter.before))
    const rows: any[] = await em.execute(
      `SELECT "merchant_id", "account", "currency_code", SUM("amount")::text AS "amount" FROM "ledger_entry"
        WHERE ${where.join(" AND ")} GROUP BY "merchant_id", "account", "currency_code" ORDER BY "merchant_id", "account", "currency_code"`,
      values
    )
    return rows.map((r) => ({ merchant_id: r.merchant_id, account: r.account, currency_code: r.currency_code, amount: Number(r.amount) }))
  }
}
