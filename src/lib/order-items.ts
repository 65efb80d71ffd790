/**
 * The quantity of an order line item as a whole number. Orders placed from a cart keep it on the
 * item's detail; query may also hand back a BigNumber-like object.
 */
export function lineQuantity(item: { quantity?: unknown; detail?: { quantity?: unknown } | null }): number {
  const raw: any = item.quantity ?? item.detail?.quantity
  const n = Number(typeof raw === "object" && raw !== null ? raw.numeric ?? raw.value : raw)
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`Unreadable line quantity: ${JSON.stringify(raw)}`)
  return n
}
