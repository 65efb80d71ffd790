import type { MedusaResponse } from "@medusajs/framework/http"
import { processFor } from "../../../../../../../lib/line-process/definitions"
import { captureEffect, refundEffect, type MoneyEffect } from "../../../../../../../lib/marketplace-money/effects"
import { toMinor } from "../../../../../../../lib/money"
import { SnailError } from "../../../../../../../lib/snail-error"
import { orderSplits } from "../../../../../../money/present"
import { findOrderLine, presentOrderLines } from "../../../../../../order-lines/present"
import { assertRefundAmount } from "../../../../../../order-lines/refund-amount"
import type { MerchantRequest } from "../../../../../context"

/**
 * GET …/lines/:line_id/effect?to=STATE or ?refund=AMOUNT — the money a move would move, before the
 * merchant confirms it: captured from the buyer, refunded, released, the merchant's net change and
 * the commission's. Reads only; the move itself is POST …/transitions or …/refunds.
 */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const merchantId = req.merchantContext.merchant.id
  const line = await findOrderLine(req.scope, req.params.id, req.params.line_id, merchantId)
  if (!line) throw new SnailError(404, "NOT_FOUND", `Order line ${req.params.line_id} not found`)
  const q = req.query as Record<string, unknown>
  const currency = line.currency_code
  const [presented] = (await presentOrderLines(req.scope, req.params.id, "merchant", merchantId)).filter((l) => l.id === line.id)
  const [split] = await orderSplits(req.scope, req.params.id, merchantId)
  const splitLine: any = split?.lines?.find((l: any) => l.order_line_id === line.id)
  const ledgerLine = splitLine
    ? { ...splitLine, merchant_id: merchantId }
    : { order_line_id: line.id, order_id: line.order_id, merchant_id: merchantId, currency_code: currency, gross: presented.amount_minor, net: presented.amount_minor, commission: 0, refund_reverses_commission: true }
  const amount = presented.amount_minor
  const captured = toMinor(line.captured_amount ?? 0, currency)
  const refunded = toMinor(line.refunded_amount ?? 0, currency)

  let effect: MoneyEffect
  if (q.refund !== undefined) {
    assertRefundAmount(String(q.refund), currency)
    const want = toMinor(String(q.refund), currency)
    if (want <= 0 || want > captured - refunded) {
      throw new SnailError(400, "INVALID_FIELD", `A refund of this line is between 0 and ${captured - refunded} minor units`, "refund")
    }
    effect = refundEffect(ledgerLine, amount, captured, refunded, want)
  } else {
    const to = String(q.to ?? "")
    const move = processFor(line.kind, line.process_version).transitions.find((t) => t.to === to && t.from.includes(line.state))
    if (!move) throw new SnailError(409, "INVALID_TRANSITION", `No move from ${line.state} to ${to}`, "to")
    const effects = move.effects ?? []
    effect = effects.includes("capture") ? captureEffect(ledgerLine, amount, captured)
      : effects.includes("void_or_refund") ? refundEffect(ledgerLine, amount, captured, refunded, captured - refunded)
      : { captured: 0, refunded: 0, released: 0, merchant_net: 0, platform_commission: 0, commission_vat: 0 }
  }
  res.json({
    effect,
    line: { id: line.id, state: line.state, currency_code: currency, amount_minor: amount, captured_minor: captured, refunded_minor: refunded,
      merchant_net_minor: splitLine ? Number(splitLine.net) : null },
  })
}
