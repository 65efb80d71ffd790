// The three kinds of thing sold on the marketplace; each runs its own line lifecycle (DESIGN.md §4).
export const PRODUCT_KINDS = ["PHYSICAL", "SERVICE", "COURSE"] as const
export type ProductKindValue = (typeof PRODUCT_KINDS)[number]

/** Products created without an explicit kind (e.g. from the stock admin form) are physical goods. */
export const DEFAULT_PRODUCT_KIND: ProductKindValue = "PHYSICAL"

export function isProductKind(value: unknown): value is ProductKindValue {
  return typeof value === "string" && (PRODUCT_KINDS as readonly string[]).includes(value)
}

/**
 * How a SERVICE is sold (issue 16 §4): `slots` — the buyer picks a time slot of its schedule (the
 * line's quantity is its seats in that slot); `by_appointment` — no slot, the merchant agrees the time.
 */
export const BOOKING_MODES = ["slots", "by_appointment"] as const
export type BookingMode = (typeof BOOKING_MODES)[number]

export function isBookingMode(value: unknown): value is BookingMode {
  return typeof value === "string" && (BOOKING_MODES as readonly string[]).includes(value)
}

/** The mode a service runs in: the one the merchant set, else `slots` exactly when it has a schedule. */
export function effectiveBookingMode(set: BookingMode | null | undefined, hasSchedule: boolean): BookingMode {
  return set ?? (hasSchedule ? "slots" : "by_appointment")
}
