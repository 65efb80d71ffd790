import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { KycAction } from "../../modules/marketplace/kyc"
import { changeKycStatusStep } from "./steps/change-kyc-status"
import { ensureMerchantStockLocationStep } from "./steps/ensure-merchant-stock-location"
import { SNAIL_EVENTS } from "../../lib/events"

const EVENTS: Record<KycAction, string> = {
  approve: SNAIL_EVENTS.MERCHANT_APPROVED,
  reject: SNAIL_EVENTS.MERCHANT_REJECTED,
  suspend: SNAIL_EVENTS.MERCHANT_SUSPENDED,
}

/** Platform review: approve / reject / suspend, with the reason kept on the merchant. */
export const changeMerchantKycWorkflow = createWorkflow(
  "change-merchant-kyc",
  (input: { merchant_id: string; action: KycAction; reason?: string | null; actor_id: string }) => {
    const merchant = changeKycStatusStep(input)
    when({ merchant }, ({ merchant }) => merchant.kyc_status === "APPROVED").then(() => {
      const location = transform({ merchant }, ({ merchant }) => ({
        merchant_id: merchant.id,
        display_name: merchant.display_name,
        country_code: merchant.country_code,
      }))
      ensureMerchantStockLocationStep(location)
    })
    const event = transform({ input, merchant }, ({ input, merchant }) => ({
      eventName: EVENTS[input.action],
      data: { id: merchant.id, kyc_status: merchant.kyc_status, reason: merchant.kyc_reason, actor_id: input.actor_id },
    }))
    emitEventStep(event)
    return new WorkflowResponse(merchant)
  }
)
