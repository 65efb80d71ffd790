import type { MedusaRequest } from "@medusajs/framework/http"
import { SnailError } from "../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { asyncMiddleware } from "./native-orders"

/**
 * Medusa's fulfilment-module routes (`/admin/fulfillments/:id/shipment|cancel`) reach a fulfilment
 * without its order: on a line's fulfilment they would ship or cancel it behind the line's back
 * (no tracking on the line, money captured for goods that never leave). The order's own routes — the
 * admin's "Mark as shipped" and the line moves — do it through the line; these refuse, naming them.
 * Fulfilments that carry no line (none in this marketplace) pass through.
 */
export const refuseLineFulfilmentDirectly = (what: string) =>
  asyncMiddleware(async (req: MedusaRequest, _res, next) => {
    const lines = req.scope.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE)
    const [line] = await lines.listOrderLines({ fulfillment_id: req.params.id } as any, { take: 1, select: ["id"] })
    if (!line) return next()
    throw new SnailError(
      422,
      "NATIVE_OPERATION_PER_LINE",
      `${what} of a marketplace line's fulfilment goes through its order: use the order page (Mark as shipped, or cancel the line), or POST /admin/orders/:id/lines/:line_id/transitions.`
    )
  })
