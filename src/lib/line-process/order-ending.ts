import type { ProductKindValue } from "../product-kinds"
import { processFor } from "./definitions"

/**
 * What Medusa's order status becomes once its lines have ended (issue 16, "one order truth").
 * Medusa's order only knows pending → completed | canceled; a marketplace order's lines each run
 * their own process. While any line is open the order stays as it is. When every line has reached
 * its process's end:
 * - every line ended by being called off before anything was provided — goods or a booking
 *   CANCELLED, a course REFUNDED (where cancelling takes each kind, as the admin's "Cancel order"
 *   does) — the order is `canceled`;
 * - otherwise something was provided (delivered and closed, served, no-show, a return received
 *   after delivery, a course consumed), and the order is `completed`.
 */
export type OrderEnding = "completed" | "canceled"

export const CALLED_OFF: Record<ProductKindValue, string> = { PHYSICAL: "CANCELLED", SERVICE: "CANCELLED", COURSE: "REFUNDED" }

export type EndingLine = { kind: ProductKindValue; process_version: number; state: string }

export function orderEnding(lines: readonly EndingLine[]): OrderEnding | null {
  if (!lines.length) return null
  const ended = lines.every((l) => processFor(l.kind, l.process_version).terminal.includes(l.state))
  if (!ended) return null
  return lines.every((l) => l.state === CALLED_OFF[l.kind]) ? "canceled" : "completed"
}
