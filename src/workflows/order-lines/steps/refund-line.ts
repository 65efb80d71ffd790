import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { faultPoint } from "../../../lib/faults/fault-points"
import { toMajorString, toMinor } from "../../../lib/money"
import { lineQuantity } from "../../../lib/order-items"
import { sumMinor } from "../../../lib/payments"
import { SnailError } from "../../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"
import type { StoredOperation } from "../../../modules/order-lines/service"
import { merchantStockLocationId } from "../merchant-location"
import { driveOperation, journalOperation, operationFailure, settleOpenOperations } from "../payment-operations"
import type { ServedMove } from "./capture-line"

export type RefundLineInput = {
  line_id: string
  /** Major units (Medusa's boundary); default: everything captured and not yet refunded (less keep_minor). */
  amount?: number | string
  /**
   * Instead of an amount: refund until only this much (minor units) of what the line captured is
   * kept — a cancellation keeps its fee. Target-based, so running it twice refunds nothing twice.
   */
  keep_minor?: number
  reason: string
  restock?: boolean
  actor_type: "buyer" | "merchant" | "operator" | "system"
  actor_id?: string | null
  /** When true, a line with nothing captured is a no-op instead of an error (cancel of an uncaptured line). */
  allow_nothing?: boolean
  /** The caller's X-Idempotency-Key: a retry after an unanswered refund returns that refund instead of a second one. */
  request_key?: string | null
  move?: ServedMove | null
}

export type RefundLineResult = { refunded: number; payment_id?: string; refund_id?: string; operation_id?: string }

/**
 * Refunds part or all of what was captured for one line, as a journaled payment operation, under
 * the order's money lock held by the calling workflow. The limit is checked inside that lock against
 * the line's totals derived from its succeeded operations (Medusa checks the payment's own limit).
 * Medusa books the refund with a note naming the line, so the order summary stays true.
 */
export const refundLineStep = createStep("refund-order-line", async (input: RefundLineInput, { container }): Promise<StepResponse<RefundLineResult>> => {
  const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [before] = await lines.listOrderLines({ id: input.line_id })
  if (!before) throw new SnailError(404, "NOT_FOUND", `Order line ${input.line_id} not found`)
  if (before.state === "CLOSED") throw new SnailError(409, "INVALID_TRANSITION", "A closed line cannot be refunded")
  await settleOpenOperations(container, before.order_id)
  if (input.request_key) {
    const earlier = await lines.findRefundByRequestKey(before.id, input.request_key)
    if (earlier) {
      return new StepResponse({ refunded: earlier.line_amount, payment_id: earlier.payment_id, refund_id: await recordLineRefund(container, earlier), operation_id: earlier.id })
    }
  }
  const [line] = await lines.listOrderLines({ id: input.line_id })
  const currency = line.currency_code
  const captured = toMinor(line.captured_amount ?? 0, currency)
  const refundable = captured - toMinor(line.refunded_amount ?? 0, currency)
  if (refundable <= 0) {
    if (input.allow_nothing) return new StepResponse({ refunded: 0 })
    throw new SnailError(422, "NOTHING_TO_REFUND", "Nothing has been captured for this line (cancel it instead: the authorization is never captured)")
  }
  const amount =
    input.amount !== undefined ? toMinor(input.amount, currency, "reject") : input.keep_minor !== undefined ? Math.max(0, refundable - input.keep_minor) : refundable
  // A cancellation fee may keep everything: nothing to give back then.
  if (amount === 0 && input.allow_nothing) return new StepResponse({ refunded: 0 })
  if (amount <= 0) throw new SnailError(400, "INVALID_FIELD", "The refund amount must be positive", "amount")
  if (amount > refundable) {
    throw new SnailError(422, "REFUND_EXCEEDS_CAPTURED", `At most ${toMajorString(refundable, currency)} ${currency.toUpperCase()} can be refunded for this line`, "amount")
  }

  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "items.id", "items.title", "payment_collections.payments.id", "payment_collections.payments.captures.amount", "payment_collections.payments.refunds.amount"],
    filters: { id: line.order_id },
  })
  const payments = (order?.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? []).filter(Boolean)
  const payment = payments.find((p: any) => sumMinor(p.captures, currency) - sumMinor(p.refunds, currency) >= amount)
  if (!payment) throw new SnailError(422, "REFUND_EXCEEDS_CAPTURED", "No payment holds enough captured money for this refund")
  const item = (order.items ?? []).find((i: any) => i?.id === line.line_item_id) as any

  const op = await journalOperation(container, {
    kind: "refund", order_id: line.order_id, payment_id: payment.id, line_id: line.id, currency_code: currency, amount, line_amount: amount, shipping_amount: 0,
    context: {
      reason: input.reason, actor_type: input.actor_type, actor_id: input.actor_id ?? null, restock: !!input.restock,
      request_key: input.request_key ?? null, move: input.move ?? null,
      note: `Refund of line "${item?.title ?? line.line_item_id}" (${line.id}): ${input.reason}`,
    },
  })
  faultPoint("refund:before-psp")
  const result = await driveOperation(container, op)
  if (result.state !== "SUCCEEDED") throw operationFailure(op, result)
  const refundId = await recordLineRefund(container, op)
  return new StepResponse({ refunded: amount, payment_id: payment.id, refund_id: refundId, operation_id: op.id })
})

/**
 * What follows a succeeded refund operation on its line: the history row (whose id names the
 * refund for subscribers, e.g. one fiscal refund receipt per refund) and the restock. Done once
 * per operation, by the request or by the recovery routine.
 */
export async function recordLineRefund(container: MedusaContainer, op: StoredOperation): Promise<string | undefined> {
  const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const [line] = await lines.listOrderLines({ id: op.line_id! })
  if (!line) return undefined
  const history = await lines.listOrderLineTransitions({ line_id: line.id, transition: "refund" } as any)
  const existing = history.find((h: any) => h.data?.operation_id === op.id)
  if (existing) return existing.id
  const ctx = op.context ?? {}
  const recorded: any = await lines.createOrderLineTransitions({
    line_id: line.id, transition: "refund", from_state: line.state, to_state: line.state,
    actor_type: ctx.actor_type ?? "system", actor_id: ctx.actor_id ?? null, reason: ctx.reason ?? null,
    data: { amount: toMajorString(op.line_amount, op.currency_code), currency_code: op.currency_code, restock: !!ctx.restock, operation_id: op.id },
  } as any)
  if (ctx.restock && line.kind === "PHYSICAL") await restockLine(container, line)
  return recorded?.id
}

// Puts the line's units back at the merchant's location (or the item's first location).
export async function restockLine(container: MedusaContainer, line: { order_id: string; line_item_id: string; merchant_id: string | null }) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({ entity: "order", fields: ["items.id", "items.variant_id", "items.quantity", "items.detail.quantity"], filters: { id: line.order_id } })
  const item = ((order as any)?.items ?? []).find((i: any) => i?.id === line.line_item_id)
  if (!item?.variant_id) return
  const { data: [variant] } = await query.graph({
    entity: "product_variant",
    fields: ["inventory_items.inventory_item_id", "inventory_items.inventory.location_levels.location_id"],
    filters: { id: item.variant_id },
  })
  const link = variant?.inventory_items?.[0]
  if (!link) return
  let locationId = await merchantStockLocationId(container, line.merchant_id)
  const levels = (link.inventory?.location_levels ?? []).filter(Boolean).map((l: any) => l.location_id)
  if (!locationId || !levels.includes(locationId)) locationId = levels[0]
  if (!locationId) return
  await container.resolve(Modules.INVENTORY).adjustInventory(link.inventory_item_id, locationId, lineQuantity(item))
}
