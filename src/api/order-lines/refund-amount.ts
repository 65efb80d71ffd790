import { SnailError } from "../../lib/snail-error"
import { fitsCurrency } from "../../lib/validation/inputs"

/**
 * A refund amount is major units of the line's currency: checked here, before the workflow converts it,
 * so 0.001 EUR or 1e300 answers 400 instead of failing inside a step with a 500.
 */
export function assertRefundAmount(amount: number | string | undefined, currencyCode: string): void {
  if (amount === undefined) return
  if (!fitsCurrency(amount, currencyCode)) {
    throw new SnailError(400, "INVALID_FIELD", `The refund amount ${amount} is not a valid ${currencyCode.toUpperCase()} amount (range or decimals).`, "amount")
  }
}
