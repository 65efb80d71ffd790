import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { anonymiseCustomerStep } from "./steps/anonymise-customer"
import { completePrivacyRequestStep } from "./steps/complete-privacy-request"
import { eraseCustomerTracesStep } from "./steps/erase-customer-traces"
import { eraseMedusaCopiesStep } from "./steps/erase-medusa-copies"
import { deleteCustomerAddressesStep } from "./steps/delete-customer-addresses"
import { removeCustomerSignInStep } from "./steps/remove-sign-in"

/**
 * GDPR art. 17 for a customer: profile anonymised, saved addresses deleted, the same person's strings
 * removed from our modules' rows and carts (erase-customer-traces) and from Medusa's payment-session and
 * retained workflow copies (erase-medusa-copies), signed out everywhere and the sign-in
 * deleted. Orders, ledgers, fiscal receipts and tax invoices keep what accounting and tax law require them
 * to keep (their own copies of name and address); docs/security.md.
 */
export const eraseCustomerWorkflow = createWorkflow(
  "erase-customer",
  (input: { request_id: string; customer_id: string; actor_id: string }) => {
    const erased = anonymiseCustomerStep({ customer_id: input.customer_id })
    deleteCustomerAddressesStep({ customer_id: input.customer_id })
    eraseCustomerTracesStep(erased)
    const request = completePrivacyRequestStep({ id: input.request_id, actor_id: input.actor_id })
    eraseMedusaCopiesStep(erased)
    const signIn = removeCustomerSignInStep({ email: erased.email })
    return new WorkflowResponse({ request, signIn })
  }
)
