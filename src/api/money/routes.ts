import { authenticate, validateAndTransformBody } from "@medusajs/framework/http"
import { CommissionRuleBody, DisputeMessageBody, FiscalAgentBody, PromotionFundingBody, MarkPayoutFailedBody, OpenDisputeBody, ReconcileBody, ResolveDisputeBody, RunPayoutBatchBody } from "./validators"

const POST = ["POST" as const]

// Marketplace money (issue 5): commission rules, splits, balances, payouts, statements, disputes.
export const moneyRoutes = [
  { matcher: "/admin/commission-rules", methods: POST, middlewares: [validateAndTransformBody(CommissionRuleBody)] },
  { matcher: "/admin/commission-rules/:id", methods: POST, middlewares: [validateAndTransformBody(CommissionRuleBody.partial())] },
  { matcher: "/admin/promotions/:id/funding", methods: POST, middlewares: [validateAndTransformBody(PromotionFundingBody)] },
  { matcher: "/admin/merchants/:id/fiscal-agent", methods: POST, middlewares: [validateAndTransformBody(FiscalAgentBody)] },
  { matcher: "/admin/payout-batches", methods: POST, middlewares: [validateAndTransformBody(RunPayoutBatchBody)] },
  { matcher: "/admin/payouts/:id/mark-failed", methods: POST, middlewares: [validateAndTransformBody(MarkPayoutFailedBody)] },
  { matcher: "/admin/disputes/:id/messages", methods: POST, middlewares: [validateAndTransformBody(DisputeMessageBody)] },
  { matcher: "/admin/disputes/:id/resolve", methods: POST, middlewares: [validateAndTransformBody(ResolveDisputeBody)] },
  { matcher: "/admin/reconciliation/run", methods: POST, middlewares: [validateAndTransformBody(ReconcileBody)] },
  { matcher: "/merchant/disputes/:id/messages", methods: POST, middlewares: [validateAndTransformBody(DisputeMessageBody)] },
  { matcher: "/store/disputes*", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { matcher: "/store/disputes/:id/messages", methods: POST, middlewares: [validateAndTransformBody(DisputeMessageBody)] },
  { matcher: "/store/orders/:id/lines/:line_id/disputes", methods: POST, middlewares: [validateAndTransformBody(OpenDisputeBody)] },
]
