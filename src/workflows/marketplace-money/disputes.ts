import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SNAIL_EVENTS } from "../../lib/events"
import { toMajorString, toMinor } from "../../lib/money"
import { SnailError } from "../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { refundOrderLineWorkflow } from "../order-lines/refund-order-line"

type Author = { type: "buyer" | "merchant" | "admin"; id: string }
const NOT_DISPUTABLE_STATES = ["CLOSED", "CANCELLED", "REFUNDED"]

export type OpenDisputeInput = { order_id: string; order_line_id: string; customer_id: string; reason: string; message: string }

/** A buyer disputes a paid line of their own order; its funds freeze until an admin resolves it. */
export async function openDispute(container: MedusaContainer, input: OpenDisputeInput) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const [line] = await lines.listOrderLines({ id: input.order_line_id, order_id: input.order_id })
  if (!line) throw new SnailError(404, "NOT_FOUND", `Order line ${input.order_line_id} not found`)
  const captured = toMinor((line.captured_amount as any) ?? 0, line.currency_code)
  const refunded = toMinor((line.refunded_amount as any) ?? 0, line.currency_code)
  if (captured - refunded <= 0 || NOT_DISPUTABLE_STATES.includes(line.state)) {
    throw new SnailError(422, "DISPUTE_NOT_ALLOWED", `Line ${line.id} is ${line.state} with ${toMajorString(captured - refunded, line.currency_code)} paid and not refunded`)
  }
  let dispute
  try {
    dispute = await marketplace.createDisputes({
      order_id: input.order_id, order_line_id: line.id, merchant_id: line.merchant_id, customer_id: input.customer_id,
      reason: input.reason as any, currency_code: line.currency_code,
    })
  } catch (e: any) {
    // The partial unique index allows one OPEN dispute per line; a racing second one lands here.
    if (/unique|duplicate|already exists/i.test(e?.message ?? "")) throw new SnailError(409, "DISPUTE_ALREADY_OPEN", `Line ${line.id} already has an open dispute`)
    throw e
  }
  try {
    await marketplace.createDisputeMessages({ dispute_id: dispute.id, author_type: "buyer", author_id: input.customer_id, body: input.message } as any)
  } catch (e) {
    // Without its message the dispute is not what the buyer filed: undo it, so a retry starts clean.
    await marketplace.deleteDisputes(dispute.id)
    throw e
  }
  await emit(container, SNAIL_EVENTS.DISPUTE_OPENED, { id: dispute.id, order_id: input.order_id, order_line_id: line.id, merchant_id: line.merchant_id, customer_id: input.customer_id, reason: input.reason })
  return dispute
}

export async function addDisputeMessage(container: MedusaContainer, input: { dispute_id: string; author: Author; body: string }) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  const dispute = await marketplace.retrieveDispute(input.dispute_id)
  if (dispute.status !== "OPEN") throw new SnailError(409, "DISPUTE_NOT_OPEN", `Dispute ${dispute.id} is ${dispute.status}`)
  const message = await marketplace.createDisputeMessages({ dispute_id: dispute.id, author_type: input.author.type, author_id: input.author.id, body: input.body } as any)
  await emit(container, SNAIL_EVENTS.DISPUTE_MESSAGE_ADDED, { id: message.id, dispute_id: dispute.id, author_type: input.author.type, author_id: input.author.id })
  return message
}

export type ResolveDisputeInput = { dispute_id: string; outcome: "refund" | "reject"; amount?: number | string; note?: string | null; admin_id: string }

/**
 * An admin settles the dispute: a refund (full by default, or partial) goes through the line's
 * refund workflow, which reverses the merchant's split; a rejection just unfreezes the funds.
 */
export async function resolveDispute(container: MedusaContainer, input: ResolveDisputeInput) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  return container.resolve(Modules.LOCKING).execute(`dispute:${input.dispute_id}`, async () => {
    const dispute = await marketplace.retrieveDispute(input.dispute_id)
    if (dispute.status !== "OPEN") throw new SnailError(409, "DISPUTE_NOT_OPEN", `Dispute ${dispute.id} is ${dispute.status}`)
    let refunded = 0
    if (input.outcome === "refund") {
      const { result } = await refundOrderLineWorkflow(container).run({
        input: { line_id: dispute.order_line_id, amount: input.amount, reason: `dispute ${dispute.id}${input.note ? `: ${input.note}` : ""}`, actor_type: "operator", actor_id: input.admin_id },
      })
      refunded = result.refunded
    }
    const status = input.outcome === "refund" ? "RESOLVED_REFUND" : "REJECTED"
    const updated = await marketplace.updateDisputes({
      id: dispute.id, status, refund_amount: refunded, resolution_note: input.note ?? null, resolved_by: input.admin_id, resolved_at: new Date(),
    } as any)
    await emit(container, SNAIL_EVENTS.DISPUTE_RESOLVED, { id: dispute.id, outcome: status, refund_minor: refunded, resolved_by: input.admin_id })
    return updated
  }, { timeout: 60 })
}

async function emit(container: MedusaContainer, name: string, data: Record<string, unknown>) {
  await container.resolve(Modules.EVENT_BUS).emit({ name, data })
}

// Workflow wrappers, so routes and subscribers run them like every other change.
const openDisputeStep = createStep("open-dispute", async (input: OpenDisputeInput, { container }) => new StepResponse(await openDispute(container, input)))
export const openDisputeWorkflow = createWorkflow("open-dispute", (input: OpenDisputeInput) => new WorkflowResponse(openDisputeStep(input)))

const addDisputeMessageStep = createStep("add-dispute-message", async (input: { dispute_id: string; author: Author; body: string }, { container }) =>
  new StepResponse(await addDisputeMessage(container, input)))
export const addDisputeMessageWorkflow = createWorkflow("add-dispute-message", (input: { dispute_id: string; author: Author; body: string }) =>
  new WorkflowResponse(addDisputeMessageStep(input)))

const resolveDisputeStep = createStep("resolve-dispute", async (input: ResolveDisputeInput, { container }) => new StepResponse(await resolveDispute(container, input)))
export const resolveDisputeWorkflow = createWorkflow("resolve-dispute", (input: ResolveDisputeInput) => new WorkflowResponse(resolveDisputeStep(input)))
