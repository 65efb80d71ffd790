import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { processFor } from "../../lib/line-process/definitions"
import { allowedTransitions } from "../../lib/line-process/engine"
import type { Actor } from "../../lib/line-process/types"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import { LINE_AMOUNT_FIELDS, lineQuantity, orderItemAmounts } from "../../lib/order-items"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { bookingService } from "../../workflows/booking/schedules"
import { SnailError } from "../../lib/snail-error"
import { orderItemNames } from "../../workflows/catalog/item-titles"

/**
 * The lines of an order as `actor` may see them: state, history and the moves it may make next.
 * `merchantId` limits the view to that merchant's lines; with `readerLocale`, item names are in
 * that language where the catalogue has them (src/workflows/catalog/item-titles.ts).
 */
export async function presentOrderLines(scope: MedusaContainer, orderId: string, actor: Actor, merchantId?: string, readerLocale?: string | null) {
  const service: OrderLinesModuleService = scope.resolve(ORDER_LINES_MODULE)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = { order_id: orderId }
  if (merchantId) filters.merchant_id = merchantId
  const lines = await service.listOrderLines(filters, { relations: ["transitions"], order: { created_at: "ASC" } })
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "items.id", "items.title", "items.subtitle", "items.thumbnail", ...LINE_AMOUNT_FIELDS],
    filters: { id: orderId },
  })
  // An unknown order id is a 404, not an empty currency further down (which failed as a 500).
  if (!order) throw new SnailError(404, "NOT_FOUND", `Order ${orderId} not found`)
  const merchantIds = [...new Set(lines.map((l) => l.merchant_id).filter(Boolean))] as string[]
  const { data: merchants } = merchantIds.length
    ? await query.graph({ entity: "merchant", fields: ["id", "handle", "display_name"], filters: { id: merchantIds } })
    : { data: [] as any[] }
  const merchantById = new Map<string, any>(merchants.map((m: any) => [m.id, m] as [string, any]))
  const items = new Map<string, any>((order?.items ?? []).filter(Boolean).map((i: any) => [i.id, i] as [string, any]))
  const names = readerLocale ? await orderItemNames(scope, orderId, readerLocale) : null
  const amounts = orderItemAmounts((order?.items ?? []).filter(Boolean) as any[], order?.currency_code ?? lines[0]?.currency_code)
  // Booked service lines carry their slot; its start also decides which moves are possible now.
  const serviceItemIds = lines.filter((l) => l.kind === "SERVICE").map((l) => l.line_item_id)
  const bookings: any[] = serviceItemIds.length && scope.hasRegistration?.("booking")
    ? await bookingService(scope).listBookings({ line_item_id: serviceItemIds, status: ["BOOKED", "CANCELLED"] } as any, { order: { created_at: "DESC" } })
    : []
  const bookingOf = (itemId: string) => bookings.find((b) => b.line_item_id === itemId && b.status === "BOOKED") ?? bookings.find((b) => b.line_item_id === itemId)
  return lines.map((line) => {
    const item = items.get(line.line_item_id)
    const def = processFor(line.kind, line.process_version)
    const booking = line.kind === "SERVICE" ? bookingOf(line.line_item_id) : undefined
    return {
      id: line.id,
      line_item_id: line.line_item_id,
      title: names?.get(line.line_item_id)?.title ?? item?.title ?? null,
      subtitle: names?.get(line.line_item_id)?.subtitle ?? item?.subtitle ?? null,
      quantity: item ? lineQuantity(item) : null,
      unit_price: item?.unit_price ?? null,
      thumbnail: item?.thumbnail ?? null,
      kind: line.kind,
      merchant_id: line.merchant_id,
      merchant: line.merchant_id ? pickMerchant(merchantById.get(line.merchant_id)) : null,
      process_version: line.process_version,
      state: line.state,
      state_entered_at: line.state_entered_at,
      carrier: line.carrier,
      tracking_number: line.tracking_number,
      amount_minor: amounts.get(line.line_item_id)?.total ?? 0,
      captured_amount: line.captured_amount,
      refunded_amount: line.refunded_amount,
      currency_code: line.currency_code,
      history: [...(line.transitions ?? [])]
        .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
        .map((t) => ({ transition: t.transition, from: t.from_state, to: t.to_state, actor_type: t.actor_type, actor_id: t.actor_id, reason: t.reason, data: t.data, at: t.created_at })),
      booking: booking
        ? { id: booking.id, status: booking.status, start_at: new Date(booking.start_at).toISOString(), end_at: new Date(booking.end_at).toISOString(), timezone: booking.timezone }
        : null,
      allowed_transitions: allowedTransitions(def, line.state, actor, booking?.status === "BOOKED" ? { slotStartsAt: new Date(booking.start_at) } : {}),
    }
  })
}

/** The line, if it belongs to this order (and to this merchant when given); else undefined. */
export async function findOrderLine(scope: MedusaContainer, orderId: string, lineId: string, merchantId?: string) {
  const service: OrderLinesModuleService = scope.resolve(ORDER_LINES_MODULE)
  const filters: Record<string, unknown> = { id: lineId, order_id: orderId }
  if (merchantId) filters.merchant_id = merchantId
  const [line] = await service.listOrderLines(filters)
  return line
}

function pickMerchant(m: any) {
  return m ? { id: m.id, handle: m.handle, display_name: m.display_name } : null
}
