// How the Orders pages group and colour line states, and which moves each role is shown.
// The server's role table (src/lib/merchant-roles.ts) is what enforces; this only hides buttons it would refuse.
import type { MerchantRole } from "@/lib/merchant-api"
import { currencyExponent } from "@/lib/money"

export const FILTERS = {
  all: "",
  to_ship: "PAID,FULFILLING",
  shipped: "SHIPPED",
  returns: "RETURN_REQUESTED",
  done: "DELIVERED,CLOSED,SERVED,CONSUMED,ACCESS_GRANTED,CONFIRMED,RETURNED",
  cancelled: "CANCELLED,REFUNDED,NO_SHOW",
} as const
export type FilterKey = keyof typeof FILTERS

type Color = "green" | "orange" | "red" | "blue" | "grey" | "purple"
const COLORS: Record<string, Color> = {
  PAID: "orange", FULFILLING: "blue", SHIPPED: "purple", DELIVERED: "green", CLOSED: "green", RETURN_REQUESTED: "orange",
  RETURNED: "grey", CANCELLED: "red", REFUNDED: "red", NO_SHOW: "red", CONFIRMED: "blue", SERVED: "green",
  ACCESS_GRANTED: "green", CONSUMED: "green",
}
export const stateColor = (state: string): Color => COLORS[state] ?? "grey"

/** The words key of a move: by its target, except refusing a return (which goes back to DELIVERED). */
export const moveKey = (m: { name: string; to: string }) => (m.name === "reject_return" ? "REJECT_RETURN" : m.to)

const MONEY_MOVES = ["CANCELLED", "RETURNED"]
export function roleShowsMove(role: MerchantRole, to: string) {
  if (role === "FINANCE") return false
  if (role === "FULFILMENT") return !MONEY_MOVES.includes(to)
  return true
}
export const roleRefunds = (role: MerchantRole) => role !== "FULFILMENT"

/** "12.5" (major units, as the API sends amounts) → 1250 minor units, by string (no floats). */
export function majorToMinor(value: number | string, currency: string): number {
  const exp = currencyExponent(currency)
  const text = String(value).trim()
  const [whole, frac = ""] = text.replace(/^-/, "").split(".")
  const n = Number(`${whole || "0"}${frac.padEnd(exp, "0").slice(0, exp)}`)
  return text.startsWith("-") ? -n : n
}
