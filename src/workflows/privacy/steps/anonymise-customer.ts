import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

/** Personal fields of the customer record replaced by nothing; the previous values go to the compensation. */
export const anonymiseCustomerStep = createStep(
  "anonymise-customer",
  async ({ customer_id }: { customer_id: string }, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    const before = await customers.retrieveCustomer(customer_id)
    const previous = {
      email: before.email, first_name: before.first_name, last_name: before.last_name, phone: before.phone,
      company_name: before.company_name, metadata: before.metadata,
    }
    await customers.updateCustomers(customer_id, {
      email: `erased+${customer_id}@erased.invalid`, first_name: null, last_name: null, phone: null, company_name: null, metadata: null,
    } as any)
    return new StepResponse({ email: before.email }, { customer_id, previous })
  },
  async (saved, { container }) => {
    if (!saved) return
    await container.resolve(Modules.CUSTOMER).updateCustomers(saved.customer_id, saved.previous as any)
  }
)
