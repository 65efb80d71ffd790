import { toMajorString } from "../money"
import type { JournalKind, LedgerAccount } from "./ledger"

/**
 * A merchant's statement for a period (issue 5 §6), per currency: the opening balance (escrow and
 * available), every posting on those accounts in order with a running balance, and the closing
 * balance; the commission the platform kept on each journal, the VAT charged on it, and what the
 * platform paid towards the buyer's discount on promotions it funds (`platform_promotion`), are
 * shown beside it (they never pass through the merchant's accounts on their own). Totals are derived from the same postings as the ledger.
 */
export const STATEMENT_ACCOUNTS: LedgerAccount[] = ["MERCHANT_ESCROW", "MERCHANT_AVAILABLE"]

export type StatementEntry = {
  created_at: Date | string
  journal_key: string
  kind: JournalKind
  account: LedgerAccount
  currency_code: string
  amount: number
  order_id?: string | null
  order_line_id?: string | null
  payout_id?: string | null
}

export type StatementRow = StatementEntry & { commission: number; commission_vat: number; platform_promotion: number; balance: number }

export type CurrencyStatement = {
  currency_code: string
  opening: { escrow: number; available: number; total: number }
  closing: { escrow: number; available: number; total: number }
  totals: { credits: number; debits: number; commission: number; commission_vat: number; platform_promotion: number }
  rows: StatementRow[]
}

export function buildStatement(
  opening: readonly { account: LedgerAccount; currency_code: string; amount: number }[],
  entries: readonly StatementEntry[]
): CurrencyStatement[] {
  const currencies = [...new Set([...opening.map((o) => o.currency_code), ...entries.map((e) => e.currency_code)])].sort()
  return currencies.map((currency) => {
    const open = (account: LedgerAccount) => opening.filter((o) => o.currency_code === currency && o.account === account).reduce((s, o) => s + o.amount, 0)
    const start = { escrow: open("MERCHANT_ESCROW"), available: open("MERCHANT_AVAILABLE") }
    const inCurrency = entries.filter((e) => e.currency_code === currency)
    const commissionByJournal = new Map<string, number>()
    const vatByJournal = new Map<string, number>()
    const promotionByJournal = new Map<string, number>()
    for (const e of inCurrency) {
      // PLATFORM_PROMOTIONS is the platform's cost (negative): shown as what the platform paid.
      if (e.account === "PLATFORM_PROMOTIONS") promotionByJournal.set(e.journal_key, (promotionByJournal.get(e.journal_key) ?? 0) - e.amount)
      if (e.account === "PLATFORM_REVENUE") commissionByJournal.set(e.journal_key, (commissionByJournal.get(e.journal_key) ?? 0) + e.amount)
      if (e.account === "PLATFORM_VAT_PAYABLE") vatByJournal.set(e.journal_key, (vatByJournal.get(e.journal_key) ?? 0) + e.amount)
    }
    const end = { ...start }
    let balance = start.escrow + start.available
    const totals = { credits: 0, debits: 0, commission: 0, commission_vat: 0, platform_promotion: 0 }
    const rows: StatementRow[] = []
    for (const e of inCurrency) {
      if (!STATEMENT_ACCOUNTS.includes(e.account)) continue
      balance += e.amount
      if (e.account === "MERCHANT_ESCROW") end.escrow += e.amount
      else end.available += e.amount
      if (e.amount > 0) totals.credits += e.amount
      else totals.debits += e.amount
      // The commission shows once per journal, on its first merchant posting.
      const commission = commissionByJournal.get(e.journal_key) ?? 0
      const commissionVat = vatByJournal.get(e.journal_key) ?? 0
      const platformPromotion = promotionByJournal.get(e.journal_key) ?? 0
      commissionByJournal.delete(e.journal_key)
      vatByJournal.delete(e.journal_key)
      promotionByJournal.delete(e.journal_key)
      totals.commission += commission
      totals.commission_vat += commissionVat
      totals.platform_promotion += platformPromotion
      rows.push({ ...e, commission, commission_vat: commissionVat, platform_promotion: platformPromotion, balance })
    }
    return {
      currency_code: currency,
      opening: { ...start, total: start.escrow + start.available },
      closing: { ...end, total: end.escrow + end.available },
      totals,
      rows,
    }
  })
}

const CSV_HEADER = ["currency", "date", "type", "account", "order_id", "order_line_id", "payout_id", "journal", "amount", "commission", "commission_vat", "platform_promotion", "balance"]

function cell(value: unknown) {
  const text = String(value ?? "")
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** CSV: an opening row, the postings, a closing row, per currency; amounts as exact decimals. */
export function statementCsv(statements: readonly CurrencyStatement[], period: { from: Date; to: Date }) {
  const out: unknown[][] = [CSV_HEADER]
  for (const s of statements) {
    const m = (n: number) => toMajorString(n, s.currency_code)
    const cur = s.currency_code.toUpperCase()
    out.push([cur, period.from.toISOString(), "opening_balance", "", "", "", "", "", "", "", "", "", m(s.opening.total)])
    for (const r of s.rows) {
      out.push([cur, new Date(r.created_at).toISOString(), r.kind, r.account, r.order_id ?? "", r.order_line_id ?? "", r.payout_id ?? "", r.journal_key, m(r.amount), m(r.commission), m(r.commission_vat), m(r.platform_promotion), m(r.balance)])
    }
    out.push([cur, period.to.toISOString(), "closing_balance", "", "", "", "", "", m(s.closing.total - s.opening.total), m(s.totals.commission), m(s.totals.commission_vat), m(s.totals.platform_promotion), m(s.closing.total)])
  }
  return out.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n"
}
