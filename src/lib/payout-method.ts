/**
 * A merchant's payout method as the dashboard sets it (issue 22 §7), checked before it is stored:
 * a payout sent to a mistyped account is money the platform has to chase back. Pure: no I/O.
 *
 *   bank_transfer   { account_holder, iban, bic? }              — IBAN countries
 *   bank_transfer   { account_holder, account_number, bic }     — a Russian account (20 digits) and its bank's BIK
 *                   (Russia has no IBAN); the manual bank-transfer file reads all of these
 *   stripe_connect  { stripe_account_id }             — the Stripe Connect provider pays to it
 */
export const PAYOUT_METHOD_TYPES = ["bank_transfer", "stripe_connect"] as const
export type PayoutMethodType = (typeof PAYOUT_METHOD_TYPES)[number]

export type PayoutMethodInput = {
  type: PayoutMethodType
  account_holder?: string
  iban?: string
  bic?: string
  account_number?: string
  stripe_account_id?: string
}
export type PayoutMethod =
  | { type: "bank_transfer"; account_holder: string; iban: string; bic?: string }
  | { type: "bank_transfer"; account_holder: string; account_number: string; bic: string }
  | { type: "stripe_connect"; stripe_account_id: string }
export type PayoutMethodProblem = {
  code: "INVALID_IBAN" | "INVALID_BIC" | "INVALID_ACCOUNT_NUMBER" | "INVALID_STRIPE_ACCOUNT" | "INVALID_FIELD"; field: string; message: string
}

// ISO 13616 lengths by country (the SEPA countries and the markets we sell in: RU has no IBAN).
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27, GB: 22, GE: 22,
  GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IL: 23, IS: 26, IT: 27, KZ: 20, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18,
  NO: 15, PL: 28, PT: 25, RO: 24, RS: 22, SA: 24, SE: 24, SI: 19, SK: 24, SM: 27, TR: 26, UA: 29, VA: 22,
}

/** Spaces and dashes people type between groups go; letters are upper-cased. */
export const normalizeIban = (iban: string) => iban.replace(/[\s-]+/g, "").toUpperCase()

/** Country length and the ISO 7064 mod-97 check digits (computed piecewise: no big numbers, no floats). */
export function isValidIban(raw: string): boolean {
  const iban = normalizeIban(raw)
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false
  const length = IBAN_LENGTHS[iban.slice(0, 2)]
  if (!length || iban.length !== length) return false
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55))
  let rest = 0
  for (let i = 0; i < digits.length; i += 7) rest = Number(String(rest) + digits.slice(i, i + 7)) % 97
  return rest === 1
}

export const isValidBic = (bic: string) => /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic.replace(/\s+/g, "").toUpperCase())
/** A Russian bank's BIK: 9 digits, 04 for banks in Russia. */
export const isValidBik = (bik: string) => /^04\d{7}$/.test(bik)

/**
 * A Russian settlement account (20 digits) checked against its bank's BIK: the control digit of the
 * Bank of Russia's rule (the BIK's last three digits, then the account, weighted 7-1-3, sum ≡ 0 mod 10).
 */
export function isValidRuAccount(account: string, bik: string): boolean {
  if (!/^\d{20}$/.test(account) || !isValidBik(bik)) return false
  const digits = bik.slice(-3) + account
  const weights = [7, 1, 3]
  let sum = 0
  for (let i = 0; i < digits.length; i++) sum += (Number(digits[i]) * weights[i % 3]) % 10
  return sum % 10 === 0
}

export const isValidStripeAccount = (id: string) => /^acct_[A-Za-z0-9]{8,32}$/.test(id)

/** The stored method, or the first problem in words (with a stable code and the field it concerns). */
export function checkPayoutMethod(input: PayoutMethodInput): { ok: true; method: PayoutMethod } | ({ ok: false } & PayoutMethodProblem) {
  if (input.type === "stripe_connect") {
    for (const f of ["account_holder", "iban", "bic", "account_number"] as const) {
      if (input[f] !== undefined) return { ok: false, code: "INVALID_FIELD", field: f, message: `${f} belongs to a bank transfer, not to Stripe Connect` }
    }
    const id = input.stripe_account_id?.trim() ?? ""
    if (!isValidStripeAccount(id)) {
      return { ok: false, code: "INVALID_STRIPE_ACCOUNT", field: "stripe_account_id", message: "A Stripe account id looks like acct_ followed by 8–32 letters and digits" }
    }
    return { ok: true, method: { type: "stripe_connect", stripe_account_id: id } }
  }
  if (input.stripe_account_id !== undefined) {
    return { ok: false, code: "INVALID_FIELD", field: "stripe_account_id", message: "stripe_account_id belongs to Stripe Connect, not to a bank transfer" }
  }
  const holder = input.account_holder?.trim() ?? ""
  if (holder.length < 2) return { ok: false, code: "INVALID_FIELD", field: "account_holder", message: "Give the account holder's name as the bank knows it" }
  if (input.account_number !== undefined) {
    // A Russian account: no IBAN; the BIK names the bank and checks the account's control digit.
    if (input.iban !== undefined) return { ok: false, code: "INVALID_FIELD", field: "iban", message: "Give either an IBAN or a Russian account number with its BIK, not both" }
    const bik = (input.bic ?? "").replace(/\s+/g, "")
    if (!isValidBik(bik)) return { ok: false, code: "INVALID_BIC", field: "bic", message: "A Russian bank's BIK has 9 digits and starts with 04" }
    const account = input.account_number.replace(/[\s-]+/g, "")
    if (!isValidRuAccount(account, bik)) {
      return { ok: false, code: "INVALID_ACCOUNT_NUMBER", field: "account_number", message: "This account number is not valid for that bank: 20 digits whose control digit matches the BIK" }
    }
    return { ok: true, method: { type: "bank_transfer", account_holder: holder, account_number: account, bic: bik } }
  }
  const iban = normalizeIban(input.iban ?? "")
  if (!isValidIban(iban)) {
    return { ok: false, code: "INVALID_IBAN", field: "iban", message: "This IBAN is not valid: check the country code, its length and the two check digits" }
  }
  const bic = input.bic?.replace(/\s+/g, "").toUpperCase()
  if (bic && !isValidBic(bic)) return { ok: false, code: "INVALID_BIC", field: "bic", message: "A BIC (SWIFT code) has 8 or 11 letters and digits" }
  return { ok: true, method: { type: "bank_transfer", account_holder: holder, iban, ...(bic ? { bic } : {}) } }
}

/** What staff see of a stored method: enough to recognise it, never the whole account. */
export function maskPayoutMethod(method: Record<string, any> | null | undefined) {
  if (!method) return null
  if (method.type === "stripe_connect" || method.stripe_account_id) {
    const id = String(method.stripe_account_id ?? method.account_id ?? "")
    return { type: "stripe_connect" as const, stripe_account_id: id ? `acct_…${id.slice(-4)}` : null }
  }
  const iban = String(method.iban ?? "")
  const account = String(method.account_number ?? "")
  return {
    type: "bank_transfer" as const, account_holder: method.account_holder ?? null, iban_last4: iban ? iban.slice(-4) : null, iban_country: iban.slice(0, 2) || null,
    account_last4: account ? account.slice(-4) : null, bic: method.bic ?? null,
  }
}
