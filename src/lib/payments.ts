import { toMinor } from "./money"

type MoneyRows = ({ amount?: unknown } | null)[] | null | undefined

/** Sum of Medusa money rows (captures, refunds) in minor units. */
export function sumMinor(rows: MoneyRows, currency: string): number {
  return (rows ?? []).reduce((s, r) => s + (r ? toMinor((r.amount as any) ?? 0, currency) : 0), 0)
}

/** What is still capturable on a payment: its authorized amount less its captures. */
export function uncapturedMinor(payment: { amount?: unknown; captures?: MoneyRows }, currency: string): number {
  return toMinor((payment.amount as any) ?? 0, currency) - sumMinor(payment.captures, currency)
}
