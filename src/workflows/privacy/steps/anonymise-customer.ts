import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { erasedEmail } from "./erase-customer-traces"

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
      email: erasedEmail(customer_id), first_name: null, last_name: null, phone: null, company_name: null, metadata: null,
    } as any)
    // What it was, so the next steps can find and remove the same strings elsewhere.
    const personal = { customer_id, email: before.email, phone: before.phone ?? null, first_name: before.first_name ?? null, last_name: before.last_name ?? null }
    return new StepResponse(personal, { customer_id, previous })
  },
  async (saved, { container }) => {
    if (!saved) return
    await container.resolve(Modules.CUSTOMER).updateCustomers(saved.customer_id, saved.previous as any)
  }
)
