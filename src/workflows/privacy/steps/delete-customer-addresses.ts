import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

/** The customer's saved addresses go; orders keep the addresses they were shipped to (see docs). */
export const deleteCustomerAddressesStep = createStep(
  "delete-customer-addresses",
  async ({ customer_id }: { customer_id: string }, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    const addresses = await customers.listCustomerAddresses({ customer_id })
    if (addresses.length) await customers.deleteCustomerAddresses(addresses.map((a) => a.id))
    return new StepResponse(addresses.length, addresses)
  },
  async (addresses, { container }) => {
    if (!addresses?.length) return
    await container.resolve(Modules.CUSTOMER).createCustomerAddresses(
      addresses.map(({ id, created_at, updated_at, deleted_at, customer, ...a }: any) => a)
    )
  }
)
