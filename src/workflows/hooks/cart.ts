import { addToCartWorkflow, completeCartWorkflow, createCartWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { faultPoint } from "../../lib/faults/fault-points"
import { assertVariantsSellable } from "../marketplace/sellable"
import { onOrderPlacedWorkflow } from "../order-lines/on-order-placed"
import { claimCartStock, releaseClaim, type StockClaim } from "../reservations/complete-cart-stock"

// Only approved merchants sell: refuse their variants before they reach a cart.
// In roubles (the RU market) the merchant must also have an INN (sellable.ts).
addToCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  await assertVariantsSellable(container, (input.items ?? []).map((i: any) => i.variant_id), (cart as any)?.currency_code)
})

createCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  await assertVariantsSellable(container, ((input as any).items ?? []).map((i: any) => i.variant_id), (cart as any)?.currency_code ?? (input as any)?.currency_code)
})

// Also re-checked at completion: a merchant suspended while the cart was open cannot be paid.
// Then the cart's stock is claimed at the merchant's location under our stock lock, held until the
// `beforePaymentAuthorization` hook (src/workflows/hooks/reservations.ts); 409 OUT_OF_STOCK otherwise.
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    await assertVariantsSellable(container, ((cart as any).items ?? []).map((i: any) => i.variant_id), (cart as any).currency_code)
    const claim = await claimCartStock(container, cart as any)
    return new StepResponse(undefined, claim)
  },
  async (claim: StockClaim | undefined, { container }) => {
    await releaseClaim(container, claim)
  }
)

// `orderCreated` exists at run time but not in Medusa 2.21's types (MEDUSA-NOTES, "Cart and checkout hooks").
// It runs inside the checkout: the order's merchants and line lifecycles exist before anyone sees it.
;(completeCartWorkflow.hooks as any).orderCreated(async ({ order_id }: { order_id: string }, { container }: any) => {
  faultPoint("checkout:after-authorize")
  await onOrderPlacedWorkflow(container).run({ input: { order_id } })
})
