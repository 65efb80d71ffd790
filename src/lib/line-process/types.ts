import type { ProductKindValue } from "../product-kinds"

export type Actor = "buyer" | "merchant" | "operator" | "system"

/** Side effects a transition asks for; workflows carry them out (capture, refund, …). */
export type Effect =
  | "capture" | "void_or_refund" | "release_reservation" | "release_slot" | "grant_access" | "revoke_access"
  // Medusa returns (PHYSICAL v2): requested, received (restocked at the merchant's location), cancelled.
  | "open_return" | "receive_return" | "cancel_return"

/** Conditions a transition checks against facts the caller supplies. */
export type Guard = "slot_started" | "slot_not_started" | "no_open_dispute" | "within_refund_window" | "has_tracking"

export type TransitionDef = {
  name: string
  from: string[]
  to: string
  actors: Actor[]
  guards?: Guard[]
  effects?: Effect[]
}

export type TimedTransitionDef = {
  name: string
  from: string
  to: string
  /** Setting name holding the delay, and its default in milliseconds. */
  after: { setting: string; defaultMs: number }
  guards?: Guard[]
  effects?: Effect[]
}

export type ProcessDefinition = {
  kind: ProductKindValue
  version: number
  initial: string
  /** States reached by the system when the order is placed and paid, in order. */
  onOrderPlaced: string[]
  states: string[]
  terminal: string[]
  transitions: TransitionDef[]
  timed: TimedTransitionDef[]
}

/** Facts about a line the guards look at; all optional so callers give what they know. */
export type GuardFacts = {
  now?: Date
  slotStartsAt?: Date | null
  openDispute?: boolean
  refundWindowEndsAt?: Date | null
  trackingNumber?: string | null
}
