import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storefrontUrl } from "../../../lib/notifications/locale"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { merchantRecipients } from "./shared"

type Input = { id: string; merchant_id: string; amount_minor: number; currency_code: string; reason?: string | null; outcome: "PAID" | "FAILED" }

export const buildMerchantPayoutStep = createStep("build-merchant-payout-notification", async (input: Input, { container }) => {
  const batch: Batch = { event_name: `marketplace.payout.${input.outcome.toLowerCase()}`, event_id: `payout.${input.outcome.toLowerCase()}:${input.id}`, messages: [] }
  const merchant = await merchantRecipients(container, input.merchant_id)
  if (!merchant) return new StepResponse(batch)
  batch.messages.push({
    type: "MERCHANT_PAYOUT", template: "merchant-payout", recipients: merchant.recipients,
    data: { outcome: input.outcome, amount_minor: Number(input.amount_minor), currency_code: input.currency_code, reason: input.reason ?? null,
      portal_url: `${storefrontUrl()}/merchant/money` },
  })
  return new StepResponse(batch)
})

export const notifyMerchantPayoutWorkflow = notificationWorkflow("notify-merchant-payout", buildMerchantPayoutStep)
