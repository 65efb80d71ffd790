import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { authenticate, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  holdSlotForCartItem, refreshCartSlotHolds, releaseCartItemSlot, releaseRows, resizeCartItemSlot, seatCount, trimCartItemSlot,
} from "../../workflows/booking/cart-holds"
import { CancelBody, RescheduleBody, UpdateSchedule } from "./validators"
import { MerchantCreateSchedule, MerchantUpdateSchedule } from "../merchant/schedule-validators"
import { MerchantBookingSlotsQuery, MerchantReschedule } from "../merchant/validators"
import { SnailError } from "../../lib/snail-error"

const bodyOf = (req: MedusaRequest) => ((req as any).validatedBody ?? req.body ?? {}) as Record<string, any>

async function cartItem(req: MedusaRequest) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "line_item", fields: ["id", "cart_id", "variant_id", "quantity", "metadata"], filters: { id: req.params.line_id } })
  const item: any = data[0]
  return item && item.cart_id === req.params.id ? item : null
}

/**
 * POST /store/carts/:id/line-items — a service sold by slot needs `metadata.slot_start`; its seat
 * is held for the checkout TTL before the item is added (400 SLOT_REQUIRED, 409 SLOT_UNAVAILABLE),
 * and given back if adding then fails.
 */
export async function holdSlotOnAddToCart(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const body = bodyOf(req)
    if (!body.variant_id) return next()
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [cart] } = await query.graph({ entity: "cart", fields: ["id", "customer_id", "completed_at"], filters: { id: req.params.id } })
    if (!cart || (cart as any).completed_at) return next()
    const slot = await holdSlotForCartItem(req.scope, {
      cart_id: req.params.id, variant_id: body.variant_id, quantity: body.quantity, metadata: body.metadata, customer_id: (cart as any).customer_id,
    })
    if (slot) {
      for (const target of [req.body as any, (req as any).validatedBody].filter(Boolean)) target.metadata = { ...(target.metadata ?? {}), ...slot }
      res.on("finish", () => {
        if (res.statusCode >= 400) releaseCartItemSlot(req.scope, req.params.id, { variant_id: body.variant_id, metadata: slot }).catch(() => undefined)
      })
    }
    next()
  } catch (e) {
    next(e)
  }
}

/** DELETE /store/carts/:id/line-items/:line_id — the removed item's slot is freed. */
export async function releaseSlotOnRemove(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const item = await cartItem(req)
    if (item?.metadata?.slot_start) {
      res.on("finish", () => {
        if (res.statusCode < 400) releaseCartItemSlot(req.scope, req.params.id, item).catch(() => undefined)
      })
    }
    next()
  } catch (e) {
    next(e)
  }
}

/**
 * POST /store/carts/:id/line-items/:line_id — a booked line's quantity is its seats in one slot:
 * more places are held first (409 SLOT_CAPACITY_EXCEEDED when the slot has fewer left), fewer
 * give the extra seats back once the update succeeded. The slot itself never changes here.
 */
export async function guardSlottedItemUpdate(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const item = await cartItem(req)
    if (item?.metadata?.slot_start) {
      const body = bodyOf(req)
      if (body.quantity !== undefined && body.quantity !== 0) {
        const wanted = seatCount(body.quantity)
        const { data: [cart] } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "cart", fields: ["customer_id"], filters: { id: req.params.id } })
        const added = await resizeCartItemSlot(req.scope, req.params.id, item, wanted, (cart as any)?.customer_id ?? null)
        res.on("finish", () => {
          if (res.statusCode >= 400) releaseRows(req.scope, added).catch(() => undefined)
          else trimCartItemSlot(req.scope, req.params.id, item, wanted).catch(() => undefined)
        })
      }
      // The slot is changed by removing the item and adding it with another slot, never by metadata.
      if (body.metadata) {
        const keep = { slot_start: item.metadata.slot_start, slot_end: item.metadata.slot_end, slot_timezone: item.metadata.slot_timezone }
        for (const target of [req.body as any, (req as any).validatedBody].filter(Boolean)) if (target.metadata) target.metadata = { ...target.metadata, ...keep }
      }
    }
    next()
  } catch (e) {
    next(e)
  }
}

/** Checkout start (payment session): the cart's slot holds are extended by the TTL (or retaken). */
export async function refreshSlotsOnCheckoutStart(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "cart_payment_collection", fields: ["cart_id"], filters: { payment_collection_id: req.params.id } })
    const cartId = (data[0] as any)?.cart_id
    if (cartId) await refreshCartSlotHolds(req.scope, cartId)
    next()
  } catch (e) {
    next(e)
  }
}

// To be spread into src/api/middlewares.ts `routes` (docs/booking.md lists every route).
export const bookingRoutes: MiddlewareRoute[] = [
  { matcher: "/store/carts/:id/line-items", methods: ["POST"], middlewares: [holdSlotOnAddToCart] },
  { matcher: "/store/carts/:id/line-items/:line_id", methods: ["DELETE"], middlewares: [releaseSlotOnRemove] },
  { matcher: "/store/carts/:id/line-items/:line_id", methods: ["POST"], middlewares: [guardSlottedItemUpdate] },
  { matcher: "/store/payment-collections/:id/payment-sessions", methods: ["POST"], middlewares: [refreshSlotsOnCheckoutStart] },
  { matcher: "/store/bookings*", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { matcher: "/store/bookings/:id/cancel", methods: ["POST"], middlewares: [validateAndTransformBody(CancelBody)] },
  { matcher: "/store/bookings/:id/reschedule", methods: ["POST"], middlewares: [validateAndTransformBody(RescheduleBody)] },
  // Merchant schedules also take the dashboard's weekly grid (the rule is then built on the server).
  { matcher: "/merchant/schedules", methods: ["POST"], middlewares: [validateAndTransformBody(MerchantCreateSchedule)] },
  { matcher: "/merchant/schedules/:id", methods: ["POST"], middlewares: [validateAndTransformBody(MerchantUpdateSchedule)] },
  // The merchant moves a booking (same policy as the buyer's) to one of the slots listed for it.
  { matcher: "/merchant/bookings/:id/reschedule", methods: ["POST"], middlewares: [validateAndTransformBody(MerchantReschedule)] },
  { matcher: "/merchant/bookings/:id/slots", methods: ["GET"], middlewares: [validateAndTransformQuery(MerchantBookingSlotsQuery, {})] },
  { matcher: "/admin/products/:id/schedule", methods: ["POST"], middlewares: [validateAndTransformBody(UpdateSchedule)] },
]
