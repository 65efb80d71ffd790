import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { orderPaymentSummary } from "../../../lib/line-process/payment-status"
import { toMinor } from "../../../lib/money"
import { LINE_AMOUNT_FIELDS, orderItemAmounts } from "../../../lib/order-items"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"
import { uncapturedMinor } from "../../../lib/payments"

/**
 * Once no line of the order can still be captured (each is captured or ended without capture),
 * what is left of the authorization is released at the PSP ("cancel that part of the
 * authorization"): the payment is cancelled, captures and later refunds stay valid.
 */
export const releaseRemainingAuthorizationStep = createStep(
  "release-remaining-authorization",
  async (input: { order_id: string }, { container }) => {
    const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const orderLines = await lines.listOrderLines({ order_id: input.order_id })
    const { data: [order] } = await query.graph({
      entity: "order",
      fields: ["id", "currency_code", "items.id", ...LINE_AMOUNT_FIELDS,
        "payment_collections.payments.id", "payment_collections.payments.amount", "payment_collections.payments.canceled_at",
        "payment_collections.payments.captures.amount"],
      filters: { id: input.order_id },
    })
    if (!order || !orderLines.length) return new StepResponse([])
    const currency = order.currency_code
    const amounts = orderItemAmounts((order.items ?? []).filter(Boolean) as any[], currency)
    const summary = orderPaymentSummary(
      orderLines.map((l) => ({ ...l, amount_minor: amounts.get(l.line_item_id)?.total ?? 0 }))
    )
    if (!summary || toMinor(summary.to_capture, currency) > 0) return new StepResponse([])

    const payments = (order.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? []).filter((p: any) => p && !p.canceled_at)
    const open = payments.filter((p: any) => uncapturedMinor(p, currency) > 0)
    const paymentModule = container.resolve(Modules.PAYMENT)
    for (const p of open) await paymentModule.cancelPayment(p.id)
    return new StepResponse(open.map((p: any) => p.id))
  }
)
