import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SNAIL_EVENTS } from "../../lib/events"
import { MerchantLegalInput, updateMerchantLegalStep } from "./steps/update-merchant-legal"

/** The owner or finance changes the legal profile (name, address, INN / TRN); the change is announced (audit, notifications). */
export const updateMerchantLegalWorkflow = createWorkflow("update-merchant-legal", (input: MerchantLegalInput & { actor_id: string }) => {
  const stepInput = transform({ input }, ({ input }) => ({
    merchant_id: input.merchant_id, inn: input.inn, trn: input.trn, legal_name: input.legal_name, legal_address: input.legal_address,
  }))
  const result = updateMerchantLegalStep(stepInput)
  const event = transform({ input, result }, ({ input, result }) => ({
    eventName: SNAIL_EVENTS.MERCHANT_LEGAL_UPDATED,
    data: {
      id: result.merchant.id, actor_id: input.actor_id,
      changed: (["inn", "trn", "legal_name", "legal_address"] as const).filter((k) => ((result.merchant as any)[k] ?? null) !== (result.before[k] ?? null)),
    },
  }))
  emitEventStep(event)
  return new WorkflowResponse(transform({ result }, ({ result }) => result.merchant))
})
