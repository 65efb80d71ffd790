import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { applyLineTransitionStep } from "./steps/apply-line-transition"
import { captureLineStep } from "./steps/capture-line"
import { refundLineStep } from "./steps/refund-line"
import { releaseLineReservationStep } from "./steps/release-line-reservation"
import { releaseRemainingAuthorizationStep } from "./steps/release-remaining-authorization"
import { LineTransitionInput, planLineTransitionStep } from "./steps/plan-line-transition"
import { SNAIL_EVENTS } from "../../lib/events"
import { serviceCancelTermsStep } from "../booking/steps/cancel-terms"
import { grantCourseAccessStep } from "../course-access/steps/grant-course-access"
import { revokeCourseAccessStep } from "../course-access/steps/revoke-course-access"
import { releaseLineSlotStep } from "../booking/steps/release-line-slot"
import { lockOrderMoneyStep, unlockOrderMoneyStep } from "./money-lock"
import { completeNativeFulfilmentStep, openNativeFulfilmentStep } from "./steps/native-fulfilment-steps"

/**
 * One move of one order line: plan (409 when the process forbids it), apply under an
 * optimistic lock, then run the effects the process names. A failed capture undoes the move,
 * so the line keeps its state and the request can be retried.
 */
export const transitionOrderLineWorkflow = createWorkflow("transition-order-line", (input: LineTransitionInput) => {
  // Every move holds its order's money lock from plan to effects: concurrent moves and refunds of
  // the order's lines run one after another, and the loser of a race is planned against the new state.
  const held = lockOrderMoneyStep({ line_id: input.line_id })
  const plan = planLineTransitionStep(input)
  const move = transform({ plan, input }, ({ plan, input }) => ({
    line_id: input.line_id, from: plan.from, to: plan.to, actor_type: input.actor_type, actor_id: input.actor_id ?? null,
    reason: input.reason ?? null, carrier: input.carrier ?? null, tracking_number: input.tracking_number ?? null,
  }))
  const history = applyLineTransitionStep({ plan, request: input })
  // Medusa's own fulfilment follows the line (native-fulfilment.ts): opened or cancelled here, before
  // the money effects, so a refused capture undoes it; shipped or delivered after them.
  const fulfilmentMove = transform({ plan, input }, ({ plan, input }) => ({
    plan: { line: plan.line, transition: plan.transition },
    actor_id: input.actor_id ?? null, carrier: input.carrier ?? null, tracking_number: input.tracking_number ?? null, reason: input.reason ?? null,
  }))
  openNativeFulfilmentStep(fulfilmentMove)
  when({ plan }, ({ plan }) => plan.effects.includes("release_reservation")).then(() => {
    releaseLineReservationStep({ line_id: input.line_id })
  })
  // Course access: revoked before any money moves back, granted before the capture below (a
  // refused capture compensates the grant, so access and payment never disagree).
  when({ plan }, ({ plan }) => plan.effects.includes("revoke_access")).then(() => {
    const revoke = transform({ input }, ({ input }) => ({ line_id: input.line_id, reason: input.reason ?? "line refunded" }))
    revokeCourseAccessStep(revoke)
  })
  when({ plan }, ({ plan }) => plan.effects.includes("grant_access")).then(() => {
    grantCourseAccessStep({ line_id: input.line_id })
  })
  // A buyer cancelling a booked service inside its fee window (docs/booking.md): the fee is
  // captured and kept, paid − fee is refunded.
  const cancelTermsInput = transform({ plan, input }, ({ plan, input }) => ({ line_id: input.line_id, actor_type: input.actor_type, effects: plan.effects }))
  const terms = serviceCancelTermsStep(cancelTermsInput)
  // After the terms: they are read from the booking before its seat is given back.
  when({ plan }, ({ plan }) => plan.effects.includes("release_slot")).then(() => {
    releaseLineSlotStep({ line_id: input.line_id })
  })
  when({ terms }, ({ terms }) => terms.capture_first).then(() => {
    captureLineStep({ line_id: input.line_id, actor_id: input.actor_id, move }).config({ name: "capture-cancellation-fee" })
  })
  // Cancelling a captured line gives its money back; an uncaptured one is simply never captured.
  when({ plan }, ({ plan }) => plan.effects.includes("void_or_refund")).then(() => {
    // Target-based: refund until only the fee is kept, so finishing a half-done cancel never refunds twice.
    const refund = transform({ input, terms, move }, ({ input, terms, move }) => ({
      line_id: input.line_id,
      reason: input.reason ?? "line cancelled",
      actor_type: input.actor_type,
      actor_id: input.actor_id,
      allow_nothing: true,
      keep_minor: terms.fee_minor ?? 0,
      move,
    }))
    refundLineStep(refund)
    const order = transform({ plan }, ({ plan }) => ({ order_id: plan.line.order_id }))
    releaseRemainingAuthorizationStep(order)
  })
  // Capture last: if the provider refuses, everything above is compensated and the line keeps its state.
  when({ plan }, ({ plan }) => plan.effects.includes("capture")).then(() => {
    captureLineStep({ line_id: input.line_id, actor_id: input.actor_id, move })
  })
  completeNativeFulfilmentStep(fulfilmentMove)
  const event = transform({ plan, input }, ({ plan, input }) => ({
    eventName: SNAIL_EVENTS.ORDER_LINE_TRANSITIONED,
    data: {
      id: plan.line.id, order_id: plan.line.order_id, line_item_id: plan.line.line_item_id, kind: plan.line.kind,
      merchant_id: plan.line.merchant_id, from: plan.from, to: plan.to, transition: plan.transition,
      effects: plan.effects, actor_type: input.actor_type, actor_id: input.actor_id ?? null,
    },
  }))
  emitEventStep(event)
  unlockOrderMoneyStep(held)
  return new WorkflowResponse(history)
})
