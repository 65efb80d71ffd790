import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { acceptOrderTransferWorkflow, requestOrderTransferWorkflow } from "@medusajs/medusa/core-flows"

export type TransferOrderCustomerInput = { order_id: string; customer_id: string }

/**
 * Moves a guest's order to the signed-in customer through Medusa's own order transfer
 * (request → accept), so the order's history records the change like any other transfer. The
 * proof of control that Medusa asks by email is the signed order link the route verified.
 */
export const transferOrderCustomerStep = createStep(
  "transfer-order-customer",
  async (input: TransferOrderCustomerInput, { container }) => {
    const orders = container.resolve(Modules.ORDER)
    const before = await orders.retrieveOrder(input.order_id, { select: ["id", "customer_id", "email"] })
    await requestOrderTransferWorkflow(container).run({
      input: { order_id: input.order_id, customer_id: input.customer_id, logged_in_user: input.customer_id, description: "Claimed with the order's signed link" },
    })
    const [change] = await orders.listOrderChanges(
      { order_id: input.order_id, change_type: "transfer", status: "requested" } as any,
      { relations: ["actions"], order: { created_at: "DESC" }, take: 1 }
    )
    const token = (change?.actions ?? []).find((a: any) => a.action === "TRANSFER_CUSTOMER")?.details?.token as string | undefined
    if (!token) throw new Error(`order ${input.order_id}: the transfer request has no token`)
    await acceptOrderTransferWorkflow(container).run({ input: { order_id: input.order_id, token } })
    return new StepResponse({ from_customer_id: before.customer_id as string | null }, { order_id: input.order_id, customer_id: before.customer_id })
  },
  async (prev, { container }) => {
    // A later step failed: give the order back to the guest customer it had.
    if (!prev?.customer_id) return
    await container.resolve(Modules.ORDER).updateOrders(prev.order_id, { customer_id: prev.customer_id })
  }
)
