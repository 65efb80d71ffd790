import { authenticate, validateAndTransformBody } from "@medusajs/framework/http"
import { settleInterruptedCompletion } from "./checkout-recovery"
import { refuseLineFulfilmentDirectly } from "./native-fulfilments"
import { captureNativePaymentPerLine, NO_FURTHER_PAYMENT, refuseNativePaymentRefund, refuseOnMarketplaceCollection } from "./native-payments"
import {
  cancelNativeOrderPerLine, completeNativeOrderWhenLinesEnded, deliverNativePerLine, fulfilNativePerLine, refuseNativeFulfilmentCancel,
  refuseNativeOrderChange, shipNativePerLine,
} from "./native-orders"
import { cancelNativeReturnPerLine, confirmNativeReturnReceivePerLine, refuseNativeReturnEdit } from "./native-returns"
import { CancelBody, RescheduleBody } from "../booking/validators"
import { DisputeMessageBody } from "../money/validators"
import { LineRefundBody, LineTransitionBody } from "./validators"

// Line lifecycle routes: buyers (their own orders), merchant staff (their own lines), operators.
export const orderLineRoutes = [
  // The signed-in buyer, or a guest holding the order's signed link (?token= or x-order-token): each
  // route resolves which with buyerOnOrder / buyerMovingOrder (src/api/store/buyer-orders.ts) and
  // refuses everyone else (401 UNAUTHORIZED, 403 ORDER_LINK_INVALID, 401 ORDER_LINK_EXPIRED, 404).
  { matcher: "/store/orders/:id/lines", methods: ["GET" as const], middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })] },
  { matcher: "/store/orders/:id/lines/*", middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })] },
  { matcher: "/store/orders/:id/lines/:line_id/transitions", methods: ["POST" as const], middlewares: [validateAndTransformBody(LineTransitionBody)] },
  { matcher: "/store/orders/:id/lines/:line_id/booking/cancel", methods: ["POST" as const], middlewares: [validateAndTransformBody(CancelBody)] },
  { matcher: "/store/orders/:id/lines/:line_id/booking/reschedule", methods: ["POST" as const], middlewares: [validateAndTransformBody(RescheduleBody)] },
  { matcher: "/store/orders/:id/lines/:line_id/disputes/:dispute_id/messages", methods: ["POST" as const], middlewares: [validateAndTransformBody(DisputeMessageBody)] },
  { matcher: "/merchant/orders/:id/lines/:line_id/transitions", methods: ["POST" as const], middlewares: [validateAndTransformBody(LineTransitionBody)] },
  { matcher: "/admin/orders/:id/lines/:line_id/transitions", methods: ["POST" as const], middlewares: [validateAndTransformBody(LineTransitionBody)] },
  { matcher: "/merchant/orders/:id/lines/:line_id/refunds", methods: ["POST" as const], middlewares: [validateAndTransformBody(LineRefundBody)] },
  { matcher: "/admin/orders/:id/lines/:line_id/refunds", methods: ["POST" as const], middlewares: [validateAndTransformBody(LineRefundBody)] },
  { matcher: "/store/carts/:id/complete", methods: ["POST" as const], middlewares: [settleInterruptedCompletion] },
  // Medusa's own payment buttons act through the line engine (native-payments.ts).
  { matcher: "/admin/payments/:id/capture", methods: ["POST" as const], middlewares: [captureNativePaymentPerLine] },
  { matcher: "/admin/payments/:id/refund", methods: ["POST" as const], middlewares: [refuseNativePaymentRefund] },
  // A marketplace order is paid once, at checkout: no further collection, session or hand-marked payment.
  { matcher: "/admin/payment-collections/:id/mark-as-paid", methods: ["POST" as const], middlewares: [refuseOnMarketplaceCollection(NO_FURTHER_PAYMENT)] },
  { matcher: "/admin/payment-collections/:id/payment-sessions", methods: ["POST" as const], middlewares: [refuseOnMarketplaceCollection(NO_FURTHER_PAYMENT)] },
  { matcher: "/admin/payment-collections/:id", methods: ["DELETE" as const], middlewares: [refuseOnMarketplaceCollection("The payment collection of a marketplace order carries its lines' captures and refunds; it stays.")] },
  { matcher: "/admin/payment-collections", methods: ["POST" as const], middlewares: [refuseNativeOrderChange("A further payment collection", "the order was paid at checkout; refund or cancel a line instead.")] },
  { matcher: "/admin/orders/:id/payment-sessions/authorize", methods: ["POST" as const], middlewares: [refuseNativeOrderChange("A further payment", "the order was paid at checkout; refund or cancel a line instead.")] },
  // Medusa's own fulfilment, shipment, delivery and cancel act through the lines; whole-order changes are refused (native-orders.ts).
  { matcher: "/admin/orders/:id/fulfillments", methods: ["POST" as const], middlewares: [fulfilNativePerLine] },
  { matcher: "/admin/orders/:id/fulfillments/:fulfillment_id/shipments", methods: ["POST" as const], middlewares: [shipNativePerLine] },
  { matcher: "/admin/orders/:id/fulfillments/:fulfillment_id/mark-as-delivered", methods: ["POST" as const], middlewares: [deliverNativePerLine] },
  { matcher: "/admin/orders/:id/fulfillments/:fulfillment_id/cancel", methods: ["POST" as const], middlewares: [refuseNativeFulfilmentCancel] },
  { matcher: "/admin/orders/:id/cancel", methods: ["POST" as const], middlewares: [cancelNativeOrderPerLine] },
  { matcher: "/admin/orders/:id/complete", methods: ["POST" as const], middlewares: [completeNativeOrderWhenLinesEnded] },
  // The fulfilment module's own routes reach a line's fulfilment without its order (native-fulfilments.ts).
  { matcher: "/admin/fulfillments", methods: ["POST" as const], middlewares: [refuseNativeOrderChange("A fulfilment made outside the order page", "use Fulfill items on the order (POST /admin/orders/:id/fulfillments), which moves the lines.")] },
  { matcher: "/admin/fulfillments/:id/shipment", methods: ["POST" as const], middlewares: [refuseLineFulfilmentDirectly("Shipping")] },
  { matcher: "/admin/fulfillments/:id/cancel", methods: ["POST" as const], middlewares: [refuseLineFulfilmentDirectly("Cancelling")] },
  { matcher: "/admin/orders/:id/credit-lines", methods: ["POST" as const], middlewares: [refuseNativeOrderChange("A credit line", "refund a line instead (POST /admin/orders/:id/lines/:line_id/refunds).")] },
  { matcher: "/admin/order-edits", methods: ["POST" as const], middlewares: [refuseNativeOrderChange("An order edit", "cancel or refund the line concerned; the buyer orders anything new in a new checkout.")] },
  { matcher: "/admin/returns", methods: ["POST" as const], middlewares: [refuseNativeOrderChange("A Medusa return", "refund the delivered line with restock (POST /admin/orders/:id/lines/:line_id/refunds { restock: true }).")] },
  { matcher: "/admin/claims", methods: ["POST" as const], middlewares: [refuseNativeOrderChange("A claim", "open a dispute on the line or refund it.")] },
  { matcher: "/admin/exchanges", methods: ["POST" as const], middlewares: [refuseNativeOrderChange("An exchange", "refund the line and let the buyer order the replacement.")] },
  { matcher: "/store/returns", methods: ["POST" as const], middlewares: [refuseNativeOrderChange("A return", "ask the seller through a dispute on the line; the seller refunds it.")] },
  // Medusa's return routes on a line's return: receipt and cancel are line moves, edits refused (native-returns.ts).
  // Beginning a receipt and adding its items only record a pending change: they pass, the confirm decides.
  { matcher: "/admin/returns/:id/receive/confirm", methods: ["POST" as const], middlewares: [confirmNativeReturnReceivePerLine] },
  { matcher: "/admin/returns/:id/cancel", methods: ["POST" as const], middlewares: [cancelNativeReturnPerLine] },
  { matcher: "/admin/returns/:id/request", methods: ["DELETE" as const], middlewares: [cancelNativeReturnPerLine] },
  { matcher: "/admin/returns/:id", methods: ["POST" as const], middlewares: [refuseNativeReturnEdit] },
  { matcher: "/admin/returns/:id/request", methods: ["POST" as const], middlewares: [refuseNativeReturnEdit] },
  ...["request-items", "request-items/:action_id", "shipping-method", "shipping-method/:action_id", "dismiss-items", "dismiss-items/:action_id"].map((tail) => ({
    matcher: `/admin/returns/:id/${tail}`, methods: ["POST" as const, "DELETE" as const], middlewares: [refuseNativeReturnEdit],
  })),
]
