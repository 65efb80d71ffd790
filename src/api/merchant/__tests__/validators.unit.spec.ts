import { MerchantApplication, MerchantPayoutMethod } from "../validators"

const application = (payout_method: unknown) => ({
  handle: "one-name", legal_name: "One Name LLC", display_name: "One Name", country_code: "DE", tax_regime: "VAT_PAYER",
  contact_email: "owner@one-name.test", payout_method,
})

// The Stripe account has one name on every merchant route: `stripe_account_id`, the field the Stripe
// Connect payout provider reads. Applications used to call it `account_id`; that is still accepted.
describe("payout method field names", () => {
  it("takes stripe_account_id on the application, like the payout-method route", () => {
    const stripe = { type: "stripe_connect", stripe_account_id: "acct_1Nv0FGQ9RKHgCVdK" }
    expect(MerchantApplication.parse(application(stripe)).payout_method).toEqual(stripe)
    expect(MerchantPayoutMethod.parse(stripe)).toEqual(stripe)
  })

  it("still reads the old account_id on the application, stored under the one name", () => {
    expect(MerchantApplication.parse(application({ type: "stripe_connect", account_id: "acct_1Nv0FGQ9RKHgCVdK" })).payout_method)
      .toEqual({ type: "stripe_connect", stripe_account_id: "acct_1Nv0FGQ9RKHgCVdK" })
    // Both names for two different accounts: refused, not guessed.
    expect(MerchantApplication.safeParse(application({ type: "stripe_connect", account_id: "acct_1Nv0FGQ9RKHgCVdK", stripe_account_id: "acct_2Nv0FGQ9RKHgCVdK" })).success).toBe(false)
    expect(MerchantApplication.parse(application(null)).payout_method).toBeNull()
  })
})
