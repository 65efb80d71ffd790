import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  cancelReturnReceiveWorkflow,
  cancelReturnWorkflow,
  createAndCompleteReturnOrderWorkflow,
  receiveAndCompleteReturnOrderWorkflow,
  cancelOrderFulfillmentWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
} from "@medusajs/medusa/core-flows"
import { lineQuantity } from "../../lib/order-items"
import { merchantStockLocationId } from "./merchant-location"
import { noShippingOptionId } from "./no-delivery"
import { restockLine } from "./steps/refund-line"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"

/**
 * What each line move does to Medusa's own fulfilment of that line (DESIGN.md §4 "one order truth",
 * issue 16 §1): the line engine decides, Medusa's workflows record it, so Medusa's fulfilment
 * status, its order events and every standard client (admin, js-sdk, starter storefront) see what
 * the lines did.
 *
 * - goods: start of fulfilment creates the fulfilment at the merchant's location (stock leaves the
 *   reservation), shipping adds the tracking label, delivery marks it delivered, cancelling a line in
 *   fulfilment cancels it (stock and reservation come back, then the line's reservation is released);
 * - services: confirmation creates a fulfilment that needs no shipping; served or no-show marks it
 *   delivered (the slot was provided either way); cancelling a confirmed booking cancels it;
 * - courses: the access grant is the delivery: created and delivered at once.
 */
export type NativeFulfilmentAction = "create" | "ship" | "deliver" | "create_and_deliver" | "cancel" | "request_return" | "receive_return" | "cancel_return"

const ACTIONS: Record<string, Record<string, NativeFulfilmentAction>> = {
  PHYSICAL: {
    start_fulfilment: "create", ship: "ship", deliver: "deliver", cancel_in_fulfilment: "cancel",
    request_return: "request_return", receive_return: "receive_return", reject_return: "cancel_return",
  },
  SERVICE: { confirm: "create", serve: "deliver", no_show: "deliver", cancel: "cancel" },
  COURSE: { grant_access: "create_and_deliver" },
}

export function nativeFulfilmentAction(kind: string, transition: string): NativeFulfilmentAction | null {
  return ACTIONS[kind]?.[transition] ?? null
}

export type LineForFulfilment = { id: string; order_id: string; line_item_id: string; kind: string; merchant_id: string | null; fulfillment_id?: string | null }

/** Creates the line's fulfilment (idempotent: a line that has one keeps it). Returns its id. */
export async function createLineFulfilment(container: MedusaContainer, line: LineForFulfilment, actorId?: string | null): Promise<string> {
  const lines = container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE)
  const [current] = await lines.listOrderLines({ id: line.id }, { select: ["id", "fulfillment_id"] })
  if (current?.fulfillment_id && !(await isCanceled(container, current.fulfillment_id))) return current.fulfillment_id
  const order = await orderForFulfilment(container, line.order_id)
  const item = order.items.find((i: any) => i.id === line.line_item_id)
  if (!item) throw new Error(`Line item ${line.line_item_id} is not in order ${line.order_id}`)
  const physical = line.kind === "PHYSICAL"
  const profileId = item.variant?.product?.shipping_profile?.id
  const locationId = await lineLocationId(container, line)
  const shippingOptionId = item.requires_shipping && physical
    ? await shippingOptionOfItem(container, order, item, locationId)
    : await noShippingOptionId(container, profileId, locationId)
  const { result } = await createOrderFulfillmentWorkflow(container).run({
    input: {
      order_id: line.order_id,
      items: [{ id: item.id, quantity: lineQuantity(item) }],
      location_id: locationId,
      ...(shippingOptionId ? { shipping_option_id: shippingOptionId } : {}),
      created_by: actorId ?? undefined,
      no_notification: !physical,
      metadata: { order_line_id: line.id },
    } as any,
  })
  const fulfillmentId = (result as any).id as string
  await lines.updateOrderLines({ id: line.id, fulfillment_id: fulfillmentId } as any)
  return fulfillmentId
}

export async function shipLineFulfilment(container: MedusaContainer, line: LineForFulfilment, label: { carrier?: string | null; tracking_number?: string | null }, actorId?: string | null) {
  const fulfillmentId = await requireFulfilment(container, line)
  const fulfillment = await container.resolve(Modules.FULFILLMENT).retrieveFulfillment(fulfillmentId, { select: ["id", "shipped_at"] })
  if (fulfillment.shipped_at) return
  const order = await orderForFulfilment(container, line.order_id)
  const item = order.items.find((i: any) => i.id === line.line_item_id)
  // The move stored its carrier and tracking on the line already (or an earlier move did).
  const [stored] = await container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE).listOrderLines({ id: line.id }, { select: ["id", "carrier", "tracking_number"] })
  label = { carrier: label.carrier ?? stored?.carrier, tracking_number: label.tracking_number ?? stored?.tracking_number }
  await createOrderShipmentWorkflow(container).run({
    input: {
      order_id: line.order_id,
      fulfillment_id: fulfillmentId,
      items: [{ id: line.line_item_id, quantity: lineQuantity(item) }],
      labels: label.tracking_number ? [{ tracking_number: label.tracking_number, tracking_url: trackingUrl(label), label_url: "" }] : [],
      created_by: actorId ?? undefined,
    } as any,
  })
}

export async function deliverLineFulfilment(container: MedusaContainer, line: LineForFulfilment) {
  const fulfillmentId = await requireFulfilment(container, line)
  const fulfillment = await container.resolve(Modules.FULFILLMENT).retrieveFulfillment(fulfillmentId, { select: ["id", "delivered_at"] })
  if (fulfillment.delivered_at) return
  await markOrderFulfillmentAsDeliveredWorkflow(container).run({ input: { orderId: line.order_id, fulfillmentId } })
}

/** Cancels the line's fulfilment when it has one that is not shipped (a shipped one cannot be, in Medusa either). */
export async function cancelLineFulfilment(container: MedusaContainer, line: LineForFulfilment): Promise<boolean> {
  const lines = container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE)
  const [current] = await lines.listOrderLines({ id: line.id }, { select: ["id", "fulfillment_id"] })
  const fulfillmentId = current?.fulfillment_id
  if (!fulfillmentId) return false
  const fulfillment = await container.resolve(Modules.FULFILLMENT).retrieveFulfillment(fulfillmentId, { select: ["id", "shipped_at", "canceled_at"] })
  if (fulfillment.canceled_at || fulfillment.shipped_at) return false
  await cancelOrderFulfillmentWorkflow(container).run({ input: { order_id: line.order_id, fulfillment_id: fulfillmentId, no_notification: true } as any })
  return true
}

/**
 * A buyer's return of a delivered line (PHYSICAL v2): Medusa's return, requested for the line's units,
 * back to the location they left from, without a paid return shipment (the hidden no-delivery option).
 */
export async function requestLineReturn(container: MedusaContainer, line: LineForFulfilment, reason?: string | null, actorId?: string | null): Promise<string> {
  const lines = container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE)
  const [current] = await lines.listOrderLines({ id: line.id }, { select: ["id", "return_id", "fulfillment_id"] })
  if (current?.return_id && !(await returnOf(container, current.return_id))?.canceled_at) return current.return_id
  const order = await orderForFulfilment(container, line.order_id)
  const item = order.items.find((i: any) => i.id === line.line_item_id)
  const fulfillment = current?.fulfillment_id
    ? await container.resolve(Modules.FULFILLMENT).retrieveFulfillment(current.fulfillment_id, { select: ["id", "location_id"] })
    : null
  const locationId = fulfillment?.location_id ?? (await lineLocationId(container, line))
  const { result } = await createAndCompleteReturnOrderWorkflow(container).run({
    input: {
      order_id: line.order_id,
      items: [{ id: line.line_item_id, quantity: lineQuantity(item), note: reason ?? undefined }],
      location_id: locationId,
      return_shipping: { option_id: await noShippingOptionId(container, item?.variant?.product?.shipping_profile?.id, locationId), price: 0 },
      note: reason ?? undefined,
      created_by: actorId ?? undefined,
    } as any,
  })
  const returnId = (result as any).id as string
  await lines.updateOrderLines({ id: line.id, return_id: returnId } as any)
  return returnId
}

/** The merchant received the returned units: Medusa receives the return (stock back at its location). */
export async function receiveLineReturn(container: MedusaContainer, line: LineForFulfilment, actorId?: string | null) {
  const [current] = await container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE).listOrderLines({ id: line.id }, { select: ["id", "return_id"] })
  const returnId = current?.return_id ?? (await requestLineReturn(container, line, null, actorId))
  const ret = await returnOf(container, returnId)
  if (ret?.received_at) return
  // A receipt begun in the Medusa admin (its pending change) would block Medusa's one-shot receipt: dropped first.
  if (await activeReturnReceive(container, returnId)) await cancelReturnReceiveWorkflow(container).run({ input: { return_id: returnId } })
  const order = await orderForFulfilment(container, line.order_id)
  const item = order.items.find((i: any) => i.id === line.line_item_id)
  await receiveAndCompleteReturnOrderWorkflow(container).run({
    input: { return_id: returnId, items: [{ id: line.line_item_id, quantity: lineQuantity(item) }], created_by: actorId ?? undefined } as any,
  })
  // Medusa's one-shot receipt records the items but leaves stock alone: the units go back on the
  // merchant's shelf here, once (a retried receipt found the return received above and stops there).
  await restockLine(container, line)
}

/** The merchant refused the return: Medusa's return (and its return fulfilment) is cancelled. */
export async function cancelLineReturn(container: MedusaContainer, line: LineForFulfilment, actorId?: string | null) {
  const lines = container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE)
  const [current] = await lines.listOrderLines({ id: line.id }, { select: ["id", "return_id"] })
  if (!current?.return_id) return
  const ret = await returnOf(container, current.return_id)
  if (ret && !ret.canceled_at) {
    if (await activeReturnReceive(container, current.return_id)) await cancelReturnReceiveWorkflow(container).run({ input: { return_id: current.return_id } })
    const fulfillments = container.resolve(Modules.FULFILLMENT)
    for (const f of (ret.fulfillments ?? []).filter((f: any) => f && !f.canceled_at)) await fulfillments.cancelFulfillment(f.id)
    await cancelReturnWorkflow(container).run({ input: { return_id: current.return_id, no_notification: true, canceled_by: actorId ?? undefined } as any })
  }
  await lines.updateOrderLines({ id: line.id, return_id: null } as any)
}

/** The receipt begun on a return and not confirmed yet (Medusa's pending "return_receive" change), with its actions. */
export async function activeReturnReceive(container: MedusaContainer, returnId: string): Promise<any | null> {
  const [change] = await container.resolve(Modules.ORDER).listOrderChanges(
    { return_id: returnId, change_type: "return_receive", status: ["pending", "requested"] } as any,
    { relations: ["actions"], take: 1 }
  )
  return change ?? null
}

async function returnOf(container: MedusaContainer, returnId: string): Promise<any> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [ret] } = await query.graph({ entity: "return", fields: ["id", "status", "received_at", "canceled_at", "fulfillments.id", "fulfillments.canceled_at"], filters: { id: returnId } })
  return ret
}

async function requireFulfilment(container: MedusaContainer, line: LineForFulfilment): Promise<string> {
  const [current] = await container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE).listOrderLines({ id: line.id }, { select: ["id", "fulfillment_id"] })
  // Lines that started before fulfilments were recorded get theirs now, so Medusa's order catches up.
  return current?.fulfillment_id ?? (await createLineFulfilment(container, line))
}

async function isCanceled(container: MedusaContainer, fulfillmentId: string): Promise<boolean> {
  const [f] = await container.resolve(Modules.FULFILLMENT).listFulfillments({ id: fulfillmentId }, { select: ["id", "canceled_at"] })
  return !f || !!f.canceled_at
}

async function orderForFulfilment(container: MedusaContainer, orderId: string): Promise<any> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: [
      "id", "items.id", "items.quantity", "items.detail.quantity", "items.requires_shipping", "items.variant.product.shipping_profile.id",
      "shipping_methods.shipping_option_id",
    ],
    filters: { id: orderId },
  })
  if (!order) throw new Error(`Order ${orderId} not found`)
  return order
}

/** The order's shipping method that carries this item's shipping profile (Medusa checks the match). */
async function shippingOptionOfItem(container: MedusaContainer, order: any, item: any, locationId?: string): Promise<string> {
  const profileId = item.variant?.product?.shipping_profile?.id
  const optionIds = (order.shipping_methods ?? []).map((m: any) => m?.shipping_option_id).filter(Boolean)
  const options = optionIds.length ? await container.resolve(Modules.FULFILLMENT).listShippingOptions({ id: optionIds }, { select: ["id", "shipping_profile_id"] }) : []
  return options.find((o: any) => o.shipping_profile_id === profileId)?.id ?? (await noShippingOptionId(container, profileId, locationId))
}

/** Where the line's units leave from: its reservation's location, else its merchant's own location. */
async function lineLocationId(container: MedusaContainer, line: LineForFulfilment): Promise<string | undefined> {
  const [reservation] = await container.resolve(Modules.INVENTORY).listReservationItems({ line_item_id: line.line_item_id }, { take: 1, select: ["id", "location_id"] })
  if (reservation?.location_id) return reservation.location_id
  const own = await merchantStockLocationId(container, line.merchant_id)
  if (own) return own
  const [any] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({}, { take: 1, select: ["id"] })
  return any?.id
}

function trackingUrl(label: { carrier?: string | null; tracking_number?: string | null }): string {
  return label.carrier && /^https?:\/\//.test(label.carrier) ? label.carrier : ""
}
