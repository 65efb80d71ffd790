// The three kinds of thing sold on the marketplace; each runs its own line lifecycle (DESIGN.md §4).
export const PRODUCT_KINDS = ["PHYSICAL", "SERVICE", "COURSE"] as const
export type ProductKindValue = (typeof PRODUCT_KINDS)[number]

/** Products created without an explicit kind (e.g. from the stock admin form) are physical goods. */
export const DEFAULT_PRODUCT_KIND: ProductKindValue = "PHYSICAL"

export function isProductKind(value: unknown): value is ProductKindValue {
  return typeof value === "string" && (PRODUCT_KINDS as readonly string[]).includes(value)
}
