import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { capturePaymentWorkflow, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { SNAIL_EVENTS } from "../../lib/events"
import { faultPoint } from "../../lib/faults/fault-points"
import { toMajorString } from "../../lib/money"
import { SnailError } from "../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import type { JournalOperationInput, OperationState, StoredOperation } from "../../modules/order-lines/service"

/**
 * How long an operation belongs to the request that started it. Longer than the PSP client's
 * timeout and retries (≈10 s each), so a slow call that commits late has committed before anyone
 * else looks at its operation; after it, the recovery routine settles it by asking the PSP.
 */
export const OPERATION_LEASE_MS = Number(process.env.PAYMENT_OPERATION_LEASE_MS) || 45_000

export type DriveResult = { state: Exclude<OperationState, "PENDING">; error?: string }

const lines = (container: MedusaContainer) => container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE)

/** Writes the operation down (committed) before any money moves. */
export async function journalOperation(container: MedusaContainer, input: Omit<JournalOperationInput, "lease_ms">): Promise<StoredOperation> {
  return lines(container).journalOperation({ ...input, lease_ms: OPERATION_LEASE_MS })
}

/**
 * Sends one journaled operation through Medusa's own payment workflow (so Medusa's payment,
 * captures and refunds stay the source its admin and clients read) with the operation's key at
 * the PSP, then settles the operation. Safe to call again for the same operation: a Medusa record
 * made for it is found first, and the PSP answers a repeated key with the first result.
 */
export async function driveOperation(container: MedusaContainer, op: StoredOperation): Promise<DriveResult> {
  const service = lines(container)
  const existing = await medusaRecordOf(container, op)
  if (existing) {
    await service.settleOperation(op.id, { state: "SUCCEEDED", medusa_record_id: existing })
    return { state: "SUCCEEDED" }
  }
  try {
    await pointProviderAtOperation(container, op)
    const amount = toMajorString(op.amount, op.currency_code)
    if (op.kind === "capture") {
      await capturePaymentWorkflow(container).run({ input: { payment_id: op.payment_id, amount, captured_by: op.id } })
    } else if (op.kind === "refund") {
      await refundPaymentWorkflow(container).run({ input: { payment_id: op.payment_id, amount, created_by: op.id, note: op.context?.note } as any })
    } else {
      await container.resolve(Modules.PAYMENT).cancelPayment(op.payment_id)
    }
  } catch (e: any) {
    await clearOperationKey(container, op).catch(() => undefined)
    const error = String(e?.message ?? e).slice(0, 2000)
    const state = outcomeUncertain(e) ? "UNKNOWN" : "FAILED"
    // Medusa may have booked it although the call "failed" (an error after its commit): look again.
    const booked = await medusaRecordOf(container, op)
    if (booked) {
      await service.settleOperation(op.id, { state: "SUCCEEDED", medusa_record_id: booked })
      return { state: "SUCCEEDED" }
    }
    await service.settleOperation(op.id, { state, error })
    if (state === "FAILED" && op.kind === "capture") await announceCaptureFailed(container, op)
    return { state, error }
  }
  faultPoint(op.kind === "refund" ? "refund:after-psp" : "capture:after-psp")
  await service.settleOperation(op.id, { state: "SUCCEEDED", medusa_record_id: await medusaRecordOf(container, op) })
  return { state: "SUCCEEDED" }
}

/**
 * A capture the PSP refused for good (a definite answer: nothing moved) is news for the buyer: the
 * line cannot go ahead until it is paid. Never throws: the caller's own failure is what matters.
 */
async function announceCaptureFailed(container: MedusaContainer, op: StoredOperation) {
  await container.resolve(Modules.EVENT_BUS).emit({
    name: SNAIL_EVENTS.PAYMENT_FAILED,
    data: { id: op.id, order_id: op.order_id, line_id: op.line_id ?? null, kind: op.kind, amount_minor: Number(op.amount), currency_code: op.currency_code },
  }).catch(() => undefined)
}

/** The answer a caller gets when its operation did not succeed: never a 4xx for money that may have moved. */
export function operationFailure(op: StoredOperation, result: DriveResult): SnailError {
  if (result.state === "UNKNOWN") {
    return new SnailError(
      503,
      "PSP_UNAVAILABLE",
      "The payment service did not confirm this in time. It is recorded and will be settled automatically (never twice); check the order again in a moment before retrying."
    )
  }
  const what = op.kind === "capture" ? "capture" : op.kind === "refund" ? "refund" : "release"
  return new SnailError(422, op.kind === "capture" ? "CAPTURE_FAILED" : "REFUND_FAILED", `The payment provider refused the ${what}: ${result.error ?? "no reason given"}`)
}

/**
 * Settles every open operation of the order before a new one starts (the caller holds the
 * order's money lock): a capture that timed out is finished with its own key instead of being
 * sent again under a new one. Throws 503 when the PSP still cannot say what happened.
 */
export async function settleOpenOperations(container: MedusaContainer, orderId: string): Promise<StoredOperation[]> {
  const service = lines(container)
  const settled: StoredOperation[] = []
  for (const open of await service.listOpenOperations({ order_id: orderId })) {
    const op = await service.leaseOperation(open.id, OPERATION_LEASE_MS, { force: true })
    if (!op) continue
    const result = await driveOperation(container, op)
    if (result.state === "UNKNOWN") throw operationFailure(op, result)
    if (result.state === "SUCCEEDED") settled.push(op)
  }
  return settled
}

/** Medusa's capture / refund made for this operation (its created_by is the operation id). */
async function medusaRecordOf(container: MedusaContainer, op: StoredOperation): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [payment] } = await query.graph({
    entity: "payment",
    fields: ["id", "canceled_at", "captures.id", "captures.created_by", "refunds.id", "refunds.created_by"],
    filters: { id: op.payment_id },
  })
  if (!payment) return null
  if (op.kind === "cancel") return payment.canceled_at ? payment.id : null
  const rows: any[] = ((op.kind === "capture" ? payment.captures : payment.refunds) ?? []).filter(Boolean)
  return rows.find((r) => r.created_by === op.id)?.id ?? null
}

/**
 * The provider sends the operation's key to the PSP for a call of the operation's kind
 * (src/modules/sandbox-payment, stripe-payment). A successful call replaces the payment data (the
 * key goes with it); a failed one clears it, so no other call ever borrows it.
 */
async function pointProviderAtOperation(container: MedusaContainer, op: StoredOperation) {
  const payments = container.resolve(Modules.PAYMENT)
  const payment: any = await payments.retrievePayment(op.payment_id, { select: ["id", "data"] })
  await payments.updatePayment({ id: op.payment_id, data: { ...(payment.data ?? {}), operation_key: op.idempotency_key, operation_kind: op.kind } } as any)
}

async function clearOperationKey(container: MedusaContainer, op: StoredOperation) {
  const payments = container.resolve(Modules.PAYMENT)
  const payment: any = await payments.retrievePayment(op.payment_id, { select: ["id", "data"] })
  if (payment.data?.operation_key !== op.idempotency_key) return
  const { operation_key: _key, operation_kind: _kind, ...rest } = payment.data
  await payments.updatePayment({ id: op.payment_id, data: rest } as any)
}

// A definite answer (declined, invalid, not found, refused by Medusa's own checks) means nothing
// moved; an outage, a timeout, a dropped connection or a 5xx (PSP_UNAVAILABLE from the providers)
// may hide money that did move: the operation stays open and is settled with its own key.
function outcomeUncertain(e: any): boolean {
  if (e?.code === "PSP_UNAVAILABLE") return true
  const definite = [MedusaError.Types.INVALID_DATA, MedusaError.Types.NOT_ALLOWED, MedusaError.Types.NOT_FOUND, MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, MedusaError.Types.CONFLICT]
  if (e?.name === "SnailError") return false
  return !definite.includes(e?.type)
}
