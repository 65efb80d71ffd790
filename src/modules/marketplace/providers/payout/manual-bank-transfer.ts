import { toMajorString } from "../../../../lib/money"
import type { PayoutProvider, PayoutRequest, PayoutResult } from "./types"

/**
 * Bank transfers made by the finance team from an exported file: a payout stays PENDING until an
 * operator marks it PAID (or FAILED, which returns the money to the merchant's available balance).
 */
export class ManualBankTransferProvider implements PayoutProvider {
  readonly id = "manual_bank_transfer"

  canPay() {
    return true
  }

  async send(_request: PayoutRequest): Promise<PayoutResult> {
    return { status: "PENDING", provider_reference: null }
  }
}

const CSV_HEADER = ["payout_id", "merchant_id", "beneficiary", "iban", "bic", "account_number", "amount", "currency", "reference"]

/** The payout file of a batch: one row per payout, amounts as exact decimals in major units. */
export function bankTransferCsv(rows: (PayoutRequest & { payout_id: string })[]) {
  const lines = rows.map((r) => {
    const m = r.merchant.payout_method ?? {}
    return [r.payout_id, r.merchant.id, r.merchant.legal_name, m.iban ?? "", m.bic ?? "", m.account_number ?? "", toMajorString(r.amount_minor, r.currency_code), r.currency_code.toUpperCase(), r.reference]
  })
  return [CSV_HEADER, ...lines].map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n"
}

export function csvCell(value: unknown) {
  const text = String(value ?? "")
  // Quote when needed; a leading formula character is neutralised so spreadsheets do not run it.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
