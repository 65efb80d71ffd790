import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectTransactionManager, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { withMerchantScope } from "../../lib/merchant-scope"
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
import { resealStoredMerchant, revealMerchant, sealMerchantFields } from "./sensitive-columns"
import { generatedMethodWrapper, sameArguments, sealWritePayload } from "../../lib/sealed-service-methods"

export type BalanceRow = { merchant_id: string | null; account: LedgerAccount; currency_code: string; amount: number }

export default class MarketplaceModuleService extends withMerchantScope(MedusaService({
  Merchant, MerchantUser, MerchantInvite, CommissionRule, OrderSplit, SplitLine, LedgerEntry, PayoutBatch, Payout,
  Dispute, DisputeMessage, ReconciliationMismatch, PromotionFunding,
})) {
  /**
   * keys:rotate: re-seals every merchant whose sensitive values are in clear or under an older key,
   * with the first key of DATA_ENCRYPTION_KEYS, in batches (each row locked while it is rewritten).
   * Values under a key the keyring no longer lists fail the run with DataKeyError, naming the key.
   */
  @InjectManager()
  async resealMerchants(batchSize = 200, @MedusaContext() sharedContext: Context = {}): Promise<{ scanned: number; resealed: number }> {
    const em = sharedContext.manager as any
    let scanned = 0
    let resealed = 0
    let after = ""
    for (;;) {
      const ids: { id: string }[] = await em.execute(`SELECT "id" FROM "merchant" WHERE "id" > ? ORDER BY "id" LIMIT ?`, [after, batchSize])
      if (!ids.length) break
      after = ids[ids.length - 1].id
      for (const { id } of ids) {
        scanned++
        if (await this.resealMerchantRow_(id)) resealed++
      }
    }
    return { scanned, resealed }
  }

  @InjectTransactionManager()
  protected async resealMerchantRow_(id: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const em = sharedContext.transactionManager as any
    const [row] = await em.execute(`SELECT "id", "inn", "trn", "legal_address", "contact_phone", "payout_method" FROM "merchant" WHERE "id" = ? FOR UPDATE`, [id])
    const update = row && resealStoredMerchant(row)
    if (!update) return false
    const cols = Object.keys(update)
    await em.execute(
      `UPDATE "merchant" SET ${cols.map((c) => `"${c}" = ?${c === "payout_method" ? "::jsonb" : ""}`).join(", ")}, "updated_at" = now() WHERE "id" = ?`,
      [...cols.map((c) => (c === "payout_method" ? JSON.stringify(update[c]) : update[c])), id]
    )
    return true
  }

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
    // A caller's transaction (asMerchant's row-level-security scope) comes first.
    const em = (sharedContext.transactionManager ?? sharedContext.manager) as any
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

// Sensitive merchant columns are sealed on write and opened on read here, in the only door to the
// merchant table: query.graph reaches merchants through listMerchants / listAndCountMerchants too,
// and merchant users / invites carry their merchant when asked for the relation. Wrapped on the
// prototype (not overridden in the class body) so callers keep the generated methods' types.
const wrap = generatedMethodWrapper(MarketplaceModuleService)
const same = sameArguments
const sealPayload = sealWritePayload((row: any) => sealMerchantFields(row))
wrap("createMerchants", ([data, ...rest]) => [sealPayload(data), ...rest], revealAll)
wrap("updateMerchants", ([data, ...rest]) => [sealPayload(data), ...rest], revealAll)
wrap("retrieveMerchant", same, revealAll)
wrap("listMerchants", same, revealAll)
wrap("listAndCountMerchants", same, ([rows, count]) => [revealAll(rows), count])
wrap("retrieveMerchantUser", same, withMerchantRevealed)
wrap("listMerchantUsers", same, (rows) => rows.map(withMerchantRevealed))
wrap("listAndCountMerchantUsers", same, ([rows, count]) => [rows.map(withMerchantRevealed), count])
wrap("listMerchantInvites", same, (rows) => rows.map(withMerchantRevealed))

function revealAll(value: any): any {
  return Array.isArray(value) ? value.map((m) => revealMerchant(m)) : revealMerchant(value)
}

function withMerchantRevealed(row: any): any {
  return row && row.merchant && typeof row.merchant === "object" ? { ...row, merchant: revealMerchant(row.merchant) } : row
}
