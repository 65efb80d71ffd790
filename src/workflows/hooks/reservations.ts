import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { faultPoint } from "../../lib/faults/fault-points"
import { settleOrderReservations, undoSettle } from "../reservations/complete-cart-stock"
import { holdServiceSlots, releaseServiceSlots } from "../reservations/service-slots"

// Stock at the merchant's own location, under the lock taken in the `validate` hook (cart.ts):
// runs right after Medusa's reserveInventoryStep, before the payment is authorized. See
// src/workflows/reservations/complete-cart-stock.ts for the whole mechanism.
// `beforePaymentAuthorization` exists at run time but not in Medusa 2.21's types (MEDUSA-NOTES).
;(completeCartWorkflow.hooks as any).beforePaymentAuthorization(
  async ({ input }: { input: { id: string } }, { container }: any) => {
    const moved = await settleOrderReservations(container, input.id)
    try {
      // Service lines: slots are held by whoever registered (the booking module).
      const slots = await holdServiceSlots(container, input.id)
      faultPoint("checkout:before-authorize")
      return new StepResponse(moved, { moved, slots })
    } catch (e) {
      await undoSettle(container, moved)
      throw e
    }
  },
  async (done: { moved: string[]; slots: { name: string; value: unknown }[] } | undefined, { container }: any) => {
    if (!done) return
    await releaseServiceSlots(container, done.slots)
    await undoSettle(container, done.moved)
  }
)
