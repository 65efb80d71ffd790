import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { MERCHANT_ACTOR } from "../../lib/merchant-actor"
import { createMerchantWithOwnerStep } from "./steps/create-merchant-with-owner"
import { validateMerchantProfileStep } from "./steps/validate-merchant-profile"
import type { MerchantProfileInput } from "./types"
import { SNAIL_EVENTS } from "../../lib/events"

export type ApplyForMerchantInput = {
  auth_identity_id: string
  email: string
  app_metadata?: Record<string, unknown>
  profile: MerchantProfileInput
}

/** A person applies with legal details: PENDING merchant, applicant as OWNER, identity bound to it. */
export const applyForMerchantWorkflow = createWorkflow("apply-for-merchant", (input: ApplyForMerchantInput) => {
  validateMerchantProfileStep({ profile: input.profile, auth_identity_id: input.auth_identity_id, app_metadata: input.app_metadata })
  const created = createMerchantWithOwnerStep({ profile: input.profile, owner_email: input.email })
  const metadata = transform({ input, created }, ({ input, created }) => ({
    authIdentityId: input.auth_identity_id,
    actorType: MERCHANT_ACTOR,
    value: created.owner.id,
  }))
  setAuthAppMetadataStep(metadata)
  const event = transform({ created }, ({ created }) => ({
    eventName: SNAIL_EVENTS.MERCHANT_APPLIED,
    data: { id: created.merchant.id },
  }))
  emitEventStep(event)
  return new WorkflowResponse(created)
})
