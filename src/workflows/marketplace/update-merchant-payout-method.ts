import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SNAIL_EVENTS } from "../../lib/events"
import type { PayoutMethodInput } from "../../lib/payout-method"
import { updateMerchantPayoutMethodStep } from "./steps/update-merchant-payout-method"

/** The owner or finance sets where payouts go; announced without the account (audit, notifications). */
export const updateMerchantPayoutMethodWorkflow = createWorkflow(
  "update-merchant-payout-method",
  (input: { merchant_id: string; method: PayoutMethodInput; actor_id: string }) => {
    const stepInput = transform({ input }, ({ input }) => ({ merchant_id: input.merchant_id, method: input.method }))
    const result = updateMerchantPayoutMethodStep(stepInput)
    const event = transform({ input, result }, ({ input, result }) => ({
      eventName: SNAIL_EVENTS.MERCHANT_PAYOUT_METHOD_UPDATED,
      data: { id: result.merchant.id, actor_id: input.actor_id, type: result.type },
    }))
    emitEventStep(event)
    return new WorkflowResponse(transform({ result }, ({ result }) => result.merchant))
  }
)
