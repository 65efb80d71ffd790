import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { planTransition } from "../../lib/line-process/engine"
import { processFor } from "../../lib/line-process/definitions"
import { CALLED_OFF } from "../../lib/line-process/order-ending"
import { lineQuantity } from "../../lib/order-items"
import { SnailError } from "../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { endMedusaOrder, withOrderStatusLock } from "../../workflows/order-lines/order-status-follows-lines"
import { transitionOrderLineWorkflow } from "../../workflows/order-lines/transition-order-line"

/**
 * Medusa's own order operations (the admin's buttons, the admin API, the js-sdk) on a marketplace
 * order go through the line engine (DESIGN.md §4 "one order truth", issue 16 §2). Each middleware
 * sits in front of Medusa's route, after its validator, and either performs the operation as line
 * moves (which call Medusa's own workflows themselves, so Medusa's order ends where it would have)
 * and answers as Medusa's route would, or refuses before anything changes, naming the per-line way.
 * Orders without lines (none in this marketplace) pass through untouched.
 */

export type Line = Awaited<ReturnType<OrderLinesModuleService["listOrderLines"]>>[number]

/** Where "fulfil" takes each kind: goods start fulfilment (captured), a booking is confirmed, a course granted. */
const FULFIL_TO: Record<string, string> = { PHYSICAL: "FULFILLING", SERVICE: "CONFIRMED", COURSE: "ACCESS_GRANTED" }
/** Where "mark as delivered" takes each kind. */
const DELIVER_TO: Record<string, string> = { PHYSICAL: "DELIVERED", SERVICE: "SERVED" }

export const asyncMiddleware =
  (fn: (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => Promise<void>) =>
  (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    fn(req, res, next).catch(next)

export async function linesOf(container: MedusaContainer, orderId: string): Promise<Line[]> {
  return container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE).listOrderLines({ order_id: orderId })
}

function operator(req: MedusaRequest): string | null {
  return (req as any).auth_context?.actor_id ?? null
}

/** Refuses now, before any line moves, when the engine would refuse one of them. */
export function precheck(moves: { line: Line; to: string }[], facts: { trackingNumber?: string | null } = {}) {
  for (const { line, to } of moves) {
    const plan = planTransition(processFor(line.kind, line.process_version), { state: line.state, to, actor: "operator", facts })
    if (!plan.ok) throw new SnailError(409, plan.code, `${describe(line)}: ${plan.message}`)
  }
}

export const describe = (line: Line) => `line ${line.id} (${line.kind.toLowerCase()}, ${line.state.toLowerCase()})`

export async function move(req: MedusaRequest, line: Line, to: string, extra: { carrier?: string | null; tracking_number?: string | null; reason?: string } = {}) {
  await transitionOrderLineWorkflow(req.scope).run({
    input: { line_id: line.id, to, actor_type: "operator", actor_id: operator(req), reason: extra.reason ?? "Medusa admin order operation", ...extra },
  })
}

async function answerWithOrder(req: MedusaRequest, res: MedusaResponse, orderId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const fields = (req as any).queryConfig?.fields ?? ["id", "status", "fulfillment_status", "payment_status", "fulfillments.*"]
  const { data: [order] } = await query.graph({ entity: "order", fields, filters: { id: orderId } })
  res.status(200).json({ order })
}

/** POST /admin/orders/:id/fulfillments — each item is a whole line; each line takes its kind's fulfilling move. */
export const fulfilNativePerLine = asyncMiddleware(async (req, res, next) => {
  const lines = await linesOf(req.scope, req.params.id)
  if (!lines.length) return next()
  const body = (req as any).validatedBody ?? {}
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.quantity", "items.detail.quantity"], filters: { id: req.params.id } })
  const moves = (body.items ?? []).map((wanted: { id: string; quantity: number }) => {
    const line = lines.find((l) => l.line_item_id === wanted.id)
    if (!line) throw new SnailError(400, "INVALID_FIELD", `Item ${wanted.id} is not in this order`, "items")
    const item = (order as any)?.items?.find((i: any) => i?.id === wanted.id)
    if (item && Number(wanted.quantity) !== lineQuantity(item)) {
      throw new SnailError(422, "NATIVE_OPERATION_PER_LINE", `Fulfil all ${lineQuantity(item)} unit(s) of ${describe(line)} at once: a marketplace line moves as a whole.`, "items")
    }
    return { line, to: FULFIL_TO[line.kind] }
  })
  if (!moves.length) throw new SnailError(400, "INVALID_FIELD", "Name the items to fulfil", "items")
  precheck(moves)
  for (const m of moves) await move(req, m.line, m.to)
  await answerWithOrder(req, res, req.params.id)
})

/** POST /admin/orders/:id/fulfillments/:fulfillment_id/shipments — the label's tracking number ships the line(s). */
export const shipNativePerLine = asyncMiddleware(async (req, res, next) => {
  const lines = await linesOf(req.scope, req.params.id)
  if (!lines.length) return next()
  const carried = linesOfFulfilment(lines, req.params.fulfillment_id)
  const nonGoods = carried.find((l) => l.kind !== "PHYSICAL")
  if (nonGoods) throw new SnailError(422, "NATIVE_OPERATION_PER_LINE", `${describe(nonGoods)}: services and courses are not shipped; mark the fulfilment as delivered when the service was given.`)
  const label = ((req as any).validatedBody?.labels ?? [])[0] ?? {}
  if (!label.tracking_number) throw new SnailError(409, "TRANSITION_GUARD_FAILED", "A shipment needs a label with its tracking number", "labels")
  const moves = carried.map((line) => ({ line, to: "SHIPPED" }))
  precheck(moves, { trackingNumber: label.tracking_number })
  // The admin sends "#" for a label without a tracking URL: no carrier then.
  const carrier = label.tracking_url && label.tracking_url !== "#" ? label.tracking_url : null
  for (const m of moves) await move(req, m.line, m.to, { tracking_number: label.tracking_number, carrier })
  await answerWithOrder(req, res, req.params.id)
})

/** POST /admin/orders/:id/fulfillments/:fulfillment_id/mark-as-delivered — goods delivered, a service served. */
export const deliverNativePerLine = asyncMiddleware(async (req, res, next) => {
  const lines = await linesOf(req.scope, req.params.id)
  if (!lines.length) return next()
  const carried = linesOfFulfilment(lines, req.params.fulfillment_id)
  const moves = carried.map((line) => {
    const to = DELIVER_TO[line.kind]
    if (!to) throw new SnailError(409, "INVALID_TRANSITION", `${describe(line)}: a course is delivered when access is granted`)
    return { line, to }
  })
  precheck(moves)
  for (const m of moves) await move(req, m.line, m.to)
  await answerWithOrder(req, res, req.params.id)
})

/** POST /admin/orders/:id/fulfillments/:fulfillment_id/cancel — refused: the line's money was captured with it. */
export const refuseNativeFulfilmentCancel = asyncMiddleware(async (req, _res, next) => {
  const lines = await linesOf(req.scope, req.params.id)
  if (!lines.length) return next()
  const carried = linesOfFulfilment(lines, req.params.fulfillment_id)
  throw new SnailError(
    422,
    "NATIVE_OPERATION_PER_LINE",
    `This fulfilment carries ${carried.map(describe).join(", ") || "marketplace lines"}, whose money was captured when it started: cancel the line instead (its money is refunded and its stock released).`
  )
})

function linesOfFulfilment(lines: Line[], fulfillmentId: string): Line[] {
  const carried = lines.filter((l) => (l as any).fulfillment_id === fulfillmentId)
  if (!carried.length) throw new SnailError(404, "NOT_FOUND", `Fulfilment ${fulfillmentId} carries no line of this order`)
  return carried
}

/** Where cancelling takes each kind of line (a course is refunded, within its refund window). */
const CANCEL_TO: Record<string, string> = CALLED_OFF

/**
 * POST /admin/orders/:id/cancel — every open line is cancelled through the engine (releases stock and
 * slots, refunds what was captured less any fee the policy keeps, each refund journaled), then Medusa's
 * order is marked cancelled. Medusa's own cancel would refund the whole payment outside the journal
 * and the lines. When one line can no longer be cancelled, nothing changes.
 */
export const cancelNativeOrderPerLine = asyncMiddleware(async (req, res, next) => {
  const lines = await linesOf(req.scope, req.params.id)
  if (!lines.length) return next()
  const open = lines.filter((l) => !processFor(l.kind, l.process_version).terminal.includes(l.state))
  // As Medusa refuses to cancel a completed order: every line has ended, so nothing is left to call off.
  if (!open.length) throw new SnailError(409, "ORDER_NOT_CANCELLABLE", "Every line of this order has already ended (delivered, served, granted, returned or cancelled): there is nothing left to cancel. Refund a line instead.")
  const stuck = open.filter((l) => !planTransition(processFor(l.kind, l.process_version), { state: l.state, to: CANCEL_TO[l.kind], actor: "operator" }).ok)
  if (stuck.length) {
    throw new SnailError(409, "ORDER_NOT_CANCELLABLE", `Nothing was cancelled: ${stuck.map(describe).join(", ")} can no longer be cancelled. Cancel or refund the other lines one by one.`)
  }
  // Under the order's status lock: the line events these moves cause must not complete the order
  // before it is marked canceled (order-status-follows-lines.ts).
  await withOrderStatusLock(req.scope, req.params.id, async () => {
    for (const line of open) await move(req, line, CANCEL_TO[line.kind], { reason: "order cancelled by the platform" })
    await endMedusaOrder(req.scope, req.params.id, "canceled")
  })
  await answerWithOrder(req, res, req.params.id)
})

/**
 * Order changes Medusa would apply to the whole order (edits, returns, claims, exchanges, credit
 * lines): on a marketplace order they would change items and money behind the lines' backs.
 */
export const refuseNativeOrderChange = (what: string, instead: string) =>
  asyncMiddleware(async (req, _res, next) => {
    const orderId = req.params.id ?? (req as any).validatedBody?.order_id ?? (req as any).body?.order_id
    if (!orderId || !(await linesOf(req.scope, orderId)).length) return next()
    throw new SnailError(422, "NATIVE_OPERATION_PER_LINE", `${what} is not available on a marketplace order: ${instead}`)
  })

/**
 * POST /admin/orders/:id/complete — Medusa's "complete" would close the order while lines still wait
 * for shipping, a slot or a refund window. Allowed once every line has reached its process's end.
 */
export const completeNativeOrderWhenLinesEnded = asyncMiddleware(async (req, _res, next) => {
  const open = (await linesOf(req.scope, req.params.id)).filter((l) => !processFor(l.kind, l.process_version).terminal.includes(l.state))
  if (!open.length) return next()
  throw new SnailError(409, "ORDER_LINES_OPEN", `The order completes by itself when its lines end; still open: ${open.map(describe).join(", ")}.`)
})
