import { checkPayoutMethod, isValidIban, isValidRuAccount, maskPayoutMethod } from "../payout-method"

describe("payout method checks", () => {
  it("accepts real IBANs however they are typed, and refuses a wrong check digit, length or country", () => {
    expect(isValidIban("DE89 3704 0044 0532 0130 00")).toBe(true)
    expect(isValidIban("ae070331234567890123456")).toBe(true)
    expect(isValidIban("GB82-WEST-1234-5698-7654-32")).toBe(true)
    expect(isValidIban("DE88370400440532013000")).toBe(false) // check digits
    expect(isValidIban("DE8937040044053201300")).toBe(false) // one digit short
    expect(isValidIban("RU0237040044053201300012")).toBe(false) // no IBAN in Russia
    expect(isValidIban("")).toBe(false)
  })

  it("stores a normalised bank account, or names the field and the code of the problem", () => {
    expect(checkPayoutMethod({ type: "bank_transfer", account_holder: " Snail LLC ", iban: "de89 3704 0044 0532 0130 00", bic: "cobadeffxxx" }))
      .toEqual({ ok: true, method: { type: "bank_transfer", account_holder: "Snail LLC", iban: "DE89370400440532013000", bic: "COBADEFFXXX" } })
    expect(checkPayoutMethod({ type: "bank_transfer", account_holder: "Snail LLC", iban: "DE88370400440532013000" })).toEqual(expect.objectContaining({ ok: false, code: "INVALID_IBAN", field: "iban" }))
    expect(checkPayoutMethod({ type: "bank_transfer", account_holder: "Snail LLC", iban: "DE89370400440532013000", bic: "COBA" })).toEqual(expect.objectContaining({ ok: false, code: "INVALID_BIC" }))
    expect(checkPayoutMethod({ type: "bank_transfer", iban: "DE89370400440532013000" })).toEqual(expect.objectContaining({ ok: false, field: "account_holder" }))
    expect(checkPayoutMethod({ type: "stripe_connect", stripe_account_id: "acct_1Nv0FGQ9RKHgCVdK" })).toEqual({ ok: true, method: { type: "stripe_connect", stripe_account_id: "acct_1Nv0FGQ9RKHgCVdK" } })
    expect(checkPayoutMethod({ type: "stripe_connect", stripe_account_id: "cus_123" })).toEqual(expect.objectContaining({ ok: false, code: "INVALID_STRIPE_ACCOUNT" }))
    expect(checkPayoutMethod({ type: "stripe_connect", stripe_account_id: "acct_1Nv0FGQ9RKHgCVdK", iban: "DE89370400440532013000" })).toEqual(expect.objectContaining({ ok: false, field: "iban" }))
  })

  it("takes a Russian account (no IBAN there) with its bank's BIK, checking the control digit", () => {
    expect(isValidRuAccount("40702810938000000001", "044525225")).toBe(true)
    expect(isValidRuAccount("40702810900000000001", "044525225")).toBe(false)
    expect(checkPayoutMethod({ type: "bank_transfer", account_holder: "OOO Snail", account_number: "4070 2810 9380 0000 0001", bic: "044525225" }))
      .toEqual({ ok: true, method: { type: "bank_transfer", account_holder: "OOO Snail", account_number: "40702810938000000001", bic: "044525225" } })
    expect(checkPayoutMethod({ type: "bank_transfer", account_holder: "OOO Snail", account_number: "40702810900000000001", bic: "044525225" }))
      .toEqual(expect.objectContaining({ ok: false, code: "INVALID_ACCOUNT_NUMBER", field: "account_number" }))
    expect(checkPayoutMethod({ type: "bank_transfer", account_holder: "OOO Snail", account_number: "40702810938000000001", bic: "COBADEFF" }))
      .toEqual(expect.objectContaining({ ok: false, code: "INVALID_BIC", field: "bic" }))
    expect(checkPayoutMethod({ type: "bank_transfer", account_holder: "OOO Snail", account_number: "40702810938000000001", bic: "044525225", iban: "DE89370400440532013000" }))
      .toEqual(expect.objectContaining({ ok: false, field: "iban" }))
  })

  it("shows staff only the end of an account", () => {
    expect(maskPayoutMethod({ type: "bank_transfer", account_holder: "Snail LLC", iban: "DE89370400440532013000" }))
      .toEqual({ type: "bank_transfer", account_holder: "Snail LLC", iban_last4: "3000", iban_country: "DE", account_last4: null, bic: null })
    expect(maskPayoutMethod({ type: "bank_transfer", account_number: "40702810938000000001", bic: "044525225" }))
      .toEqual({ type: "bank_transfer", account_holder: null, iban_last4: null, iban_country: null, account_last4: "0001", bic: "044525225" })
    expect(maskPayoutMethod({ type: "stripe_connect", stripe_account_id: "acct_1Nv0FGQ9RKHgCVdK" })).toEqual({ type: "stripe_connect", stripe_account_id: "acct_…CVdK" })
    expect(maskPayoutMethod(null)).toBeNull()
  })
})
