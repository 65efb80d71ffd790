import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SNAIL_EVENTS } from "../../lib/events"
import { linkOrderToMerchantsStep } from "../marketplace/steps/link-order-to-merchants"
import { createOrderSplitsStep } from "../marketplace-money/steps/create-order-splits"
import { createOrderLinesStep } from "./steps/create-order-lines"

/** Everything an order needs the moment it exists: its merchants, one lifecycle per line, the merchants' splits. */
export const onOrderPlacedWorkflow = createWorkflow("on-order-placed", (input: { order_id: string }) => {
  const merchants = linkOrderToMerchantsStep(input)
  const lines = createOrderLinesStep(input)
  const splits = createOrderSplitsStep(input)
  const event = transform({ input, splits }, ({ input, splits }) => ({ eventName: SNAIL_EVENTS.ORDER_SPLITS_CREATED, data: { order_id: input.order_id, split_ids: splits } }))
  emitEventStep(event)
  return new WorkflowResponse({ merchants, lines, splits })
})
