import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LINE_AMOUNT_FIELDS, lineAmountMinor } from "../../../lib/order-items"
import { toMajorString, toMinor } from "../../../lib/money"
import { SnailError } from "../../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../../modules/order-lines"
import type OrderLinesModuleService from "../../../modules/order-lines/service"
import { bookingOfLineItem, cancelTerms } from "../line-booking"

export type CancelTerms = {
  /** Capture the rest of the line first, so the fee can be kept (the line was not captured yet). */
  capture_first: boolean
  /** Major units to refund; undefined = everything captured (the default refund). */
  refund_amount?: string
  fee_minor: number
  refund_minor?: number
}

const NO_TERMS: CancelTerms = { capture_first: false, fee_minor: 0 }

/**
 * A buyer cancelling a booked service line inside the fee window keeps the fee with the
 * merchant: the line is captured (if not yet) and paid − fee is refunded. Outside the window,
 * or for a merchant/operator/system cancellation, the ordinary void-or-refund applies.
 */
export const serviceCancelTermsStep = createStep(
  "service-cancel-terms",
  async (input: { line_id: string; actor_type: string; effects: string[] }, { container }) => {
    if (input.actor_type !== "buyer" || !input.effects.includes("void_or_refund")) return new StepResponse(NO_TERMS)
    const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
    const [line] = await lines.listOrderLines({ id: input.line_id })
    if (line?.kind !== "SERVICE") return new StepResponse(NO_TERMS)
    const booked = await bookingOfLineItem(container, line.line_item_id)
    if (!booked) return new StepResponse(NO_TERMS)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "currency_code", "items.id", ...LINE_AMOUNT_FIELDS], filters: { id: line.order_id } })
    const item = ((order as any)?.items ?? []).find((i: any) => i?.id === line.line_item_id)
    const currency = line.currency_code
    const paid = item ? lineAmountMinor(item, currency) : 0
    const terms = cancelTerms(booked.schedule, booked.booking, paid)
    if (!terms.allowed) throw new SnailError(422, terms.code, terms.message)
    if (terms.fee_minor === 0) return new StepResponse(NO_TERMS)
    const captured = toMinor((line.captured_amount as any) ?? 0, currency)
    return new StepResponse({
      capture_first: captured < paid,
      refund_amount: toMajorString(terms.refund_minor, currency),
      fee_minor: terms.fee_minor,
      refund_minor: terms.refund_minor,
    } satisfies CancelTerms)
  }
)
