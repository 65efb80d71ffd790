import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * The extension point through which the booking module holds the time slots of a cart's service
 * lines during checkout (issue "Service booking"). Checkout calls every registered holder right
 * after stock is settled and before the payment is authorized; if anything later fails, each
 * holder's `release` runs with what its `hold` returned, so no slot stays taken by a dead checkout.
 */
export type ServiceSlotHolder = {
  name: string
  /** Holds the cart's slots (throw a SnailError, e.g. 409 SLOT_UNAVAILABLE, to refuse). */
  hold(container: MedusaContainer, cartId: string): Promise<unknown>
  release(container: MedusaContainer, held: unknown): Promise<void>
}

const holders: ServiceSlotHolder[] = []

export function registerServiceSlotHolder(holder: ServiceSlotHolder) {
  if (!holders.some((h) => h.name === holder.name)) holders.push(holder)
}

export async function holdServiceSlots(container: MedusaContainer, cartId: string) {
  const held: { name: string; value: unknown }[] = []
  try {
    for (const h of holders) held.push({ name: h.name, value: await h.hold(container, cartId) })
  } catch (e) {
    await releaseServiceSlots(container, held)
    throw e
  }
  return held
}

export async function releaseServiceSlots(container: MedusaContainer, held: { name: string; value: unknown }[] | undefined) {
  for (const { name, value } of [...(held ?? [])].reverse()) {
    await holders.find((h) => h.name === name)?.release(container, value)
  }
}
