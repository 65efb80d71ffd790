import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { MERCHANT_ACTOR } from "../../lib/merchant-actor"
import { acceptMerchantInviteStep } from "./steps/accept-invite"
import { changeStaffRoleStep } from "./steps/change-staff-role"
import { createMerchantInviteStep } from "./steps/create-invite"
import { SNAIL_EVENTS } from "../../lib/events"
import type { StaffRole } from "../../lib/merchant-roles"

export const inviteMerchantStaffWorkflow = createWorkflow(
  "invite-merchant-staff",
  (input: { merchant_id: string; email: string; invited_by: string; role?: StaffRole; ttl_ms?: number }) => {
    const created = createMerchantInviteStep(input)
    // The token travels in the event so the notification module can e-mail the link.
    const event = transform({ input, created }, ({ input, created }) => ({
      eventName: SNAIL_EVENTS.MERCHANT_INVITE_CREATED,
      data: { id: created.invite.id, merchant_id: input.merchant_id, email: created.invite.email, token: created.token },
    }))
    emitEventStep(event)
    return new WorkflowResponse(created)
  }
)

export const acceptMerchantInviteWorkflow = createWorkflow(
  "accept-merchant-invite",
  (input: { token: string; email: string; auth_identity_id: string; app_metadata?: Record<string, unknown> }) => {
    const user = acceptMerchantInviteStep(input)
    const metadata = transform({ input, user }, ({ input, user }) => ({
      authIdentityId: input.auth_identity_id,
      actorType: MERCHANT_ACTOR,
      value: user.id,
    }))
    setAuthAppMetadataStep(metadata)
    return new WorkflowResponse(user)
  }
)

export const changeMerchantStaffRoleWorkflow = createWorkflow(
  "change-merchant-staff-role",
  (input: { merchant_id: string; user_id: string; role: StaffRole }) => new WorkflowResponse(changeStaffRoleStep(input))
)
