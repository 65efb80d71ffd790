import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SnailError } from "../../../lib/snail-error"
import {
  cancelLineFulfilment,
  cancelLineReturn,
  createLineFulfilment,
  receiveLineReturn,
  requestLineReturn,
  deliverLineFulfilment,
  LineForFulfilment,
  NativeFulfilmentAction,
  nativeFulfilmentAction,
  shipLineFulfilment,
} from "../native-fulfilment"

type FulfilmentMove = {
  plan: { line: LineForFulfilment; transition: string }
  actor_id?: string | null
  reason?: string | null
  carrier?: string | null
  tracking_number?: string | null
}

/** Medusa's refusals (stock, cancelled order…) reach the caller as our 422 with Medusa's reason in words. */
function refused(e: unknown): never {
  if (e instanceof SnailError) throw e
  const message = (e as any)?.message ?? (typeof e === "object" ? JSON.stringify(e) : String(e))
  const known = e instanceof MedusaError || (e as any)?.type
  throw new SnailError(422, "FULFILMENT_REFUSED", known ? `Medusa refused the fulfilment: ${message}` : `The fulfilment could not be recorded: ${message}`)
}

/**
 * Before the line's money effects: a move that starts a fulfilment creates it (so a refused capture
 * cancels it again by compensation); a cancel cancels it before the line's reservation is released.
 */
type Opened = { action: NativeFulfilmentAction | null; fulfillment_id: string | null }
type OpenUndo = { created?: boolean; canceled?: boolean; return_requested?: boolean; return_canceled?: boolean; line?: LineForFulfilment; actor_id?: string | null }

export const openNativeFulfilmentStep = createStep(
  "open-native-fulfilment",
  async (input: FulfilmentMove, { container }): Promise<StepResponse<Opened, OpenUndo>> => {
    const action = nativeFulfilmentAction(input.plan.line.kind, input.plan.transition)
    try {
      if (action === "create" || action === "create_and_deliver") {
        const id = await createLineFulfilment(container, input.plan.line, input.actor_id)
        return new StepResponse<Opened, OpenUndo>({ action, fulfillment_id: id }, { created: true, line: input.plan.line })
      }
      // Returns: requested before anything else (a refusal leaves the line delivered); received
      // before the refund (restocked once — a retried receipt finds it received and refunds).
      if (action === "request_return") {
        const id = await requestLineReturn(container, input.plan.line, input.reason, input.actor_id)
        return new StepResponse<Opened, OpenUndo>({ action, fulfillment_id: null }, { return_requested: !!id, line: input.plan.line, actor_id: input.actor_id })
      }
      if (action === "receive_return") await receiveLineReturn(container, input.plan.line, input.actor_id)
      if (action === "cancel_return") {
        await cancelLineReturn(container, input.plan.line, input.actor_id)
        return new StepResponse<Opened, OpenUndo>({ action, fulfillment_id: null }, { return_canceled: true, line: input.plan.line, actor_id: input.actor_id })
      }
      if (action === "cancel") {
        const canceled = await cancelLineFulfilment(container, input.plan.line)
        return new StepResponse<Opened, OpenUndo>({ action, fulfillment_id: null }, { canceled, line: input.plan.line, actor_id: input.actor_id })
      }
    } catch (e) {
      refused(e)
    }
    return new StepResponse<Opened, OpenUndo>({ action, fulfillment_id: null }, {})
  },
  async (undo: OpenUndo, { container }) => {
    if (!undo?.line) return
    // A refused capture or refund leaves the line where it was: so does its fulfilment.
    if (undo.created) await cancelLineFulfilment(container, undo.line).catch(() => undefined)
    if (undo.canceled) await createLineFulfilment(container, undo.line, undo.actor_id).catch(() => undefined)
    if (undo.return_requested) await cancelLineReturn(container, undo.line, undo.actor_id).catch(() => undefined)
    if (undo.return_canceled) await requestLineReturn(container, undo.line, null, undo.actor_id).catch(() => undefined)
  }
)

/** After the money effects (they cannot be undone in Medusa): shipment label, delivery. */
export const completeNativeFulfilmentStep = createStep("complete-native-fulfilment", async (input: FulfilmentMove, { container }): Promise<StepResponse<{ action: NativeFulfilmentAction | null }>> => {
  const action = nativeFulfilmentAction(input.plan.line.kind, input.plan.transition)
  try {
    if (action === "ship") await shipLineFulfilment(container, input.plan.line, { carrier: input.carrier, tracking_number: input.tracking_number }, input.actor_id)
    if (action === "deliver" || action === "create_and_deliver") await deliverLineFulfilment(container, input.plan.line)
  } catch (e) {
    refused(e)
  }
  return new StepResponse({ action })
})
