import type { ProductKindValue } from "../product-kinds"
import type { ProcessDefinition } from "./types"

const MINUTE = 60 * 1000
const DAY = 24 * 60 * MINUTE
const staffOrOperator = ["merchant", "operator"] as const

// DESIGN.md §4: PHYSICAL: NEW → RESERVED → PAID → FULFILLING → SHIPPED → DELIVERED → CLOSED ; ↘ CANCELLED
export const PHYSICAL_V1: ProcessDefinition = {
  kind: "PHYSICAL",
  version: 1,
  initial: "NEW",
  onOrderPlaced: ["RESERVED", "PAID"],
  states: ["NEW", "RESERVED", "PAID", "FULFILLING", "SHIPPED", "DELIVERED", "CLOSED", "CANCELLED"],
  terminal: ["CLOSED", "CANCELLED"],
  transitions: [
    { name: "reserve", from: ["NEW"], to: "RESERVED", actors: ["system"] },
    { name: "pay", from: ["RESERVED"], to: "PAID", actors: ["system"] },
    { name: "start_fulfilment", from: ["PAID"], to: "FULFILLING", actors: [...staffOrOperator], effects: ["capture"] },
    { name: "ship", from: ["FULFILLING"], to: "SHIPPED", actors: [...staffOrOperator], guards: ["has_tracking"] },
    { name: "deliver", from: ["SHIPPED"], to: "DELIVERED", actors: [...staffOrOperator, "system"] },
    { name: "close", from: ["DELIVERED"], to: "CLOSED", actors: ["operator", "system"], guards: ["no_open_dispute"] },
    { name: "cancel", from: ["NEW", "RESERVED", "PAID"], to: "CANCELLED", actors: ["buyer", ...staffOrOperator, "system"],
      effects: ["release_reservation", "void_or_refund"] },
    { name: "cancel_in_fulfilment", from: ["FULFILLING"], to: "CANCELLED", actors: [...staffOrOperator],
      effects: ["release_reservation", "void_or_refund"] },
  ],
  timed: [
    { name: "expire_reservation", from: "RESERVED", to: "CANCELLED", after: { setting: "RESERVATION_TTL_MS", defaultMs: 15 * MINUTE },
      effects: ["release_reservation"] },
    { name: "auto_close", from: "DELIVERED", to: "CLOSED", after: { setting: "AUTO_CLOSE_MS", defaultMs: 7 * DAY }, guards: ["no_open_dispute"] },
  ],
}

// PHYSICAL v2 (issue 16 §3): v1 plus returns. A delivered line may be returned until it closes:
// DELIVERED → RETURN_REQUESTED (buyer or operator; Medusa return requested) → RETURNED (the merchant
// received it: Medusa receives the return, stock goes back to the merchant's location, then everything
// captured for the line is refunded) ; RETURN_REQUESTED → DELIVERED when the merchant refuses it (the
// Medusa return is cancelled). Lines placed before v2 keep v1.
export const PHYSICAL_V2: ProcessDefinition = {
  ...PHYSICAL_V1,
  version: 2,
  states: [...PHYSICAL_V1.states, "RETURN_REQUESTED", "RETURNED"],
  terminal: ["CLOSED", "CANCELLED", "RETURNED"],
  transitions: [
    ...PHYSICAL_V1.transitions,
    { name: "request_return", from: ["DELIVERED"], to: "RETURN_REQUESTED", actors: ["buyer", "operator"], guards: ["no_open_dispute"], effects: ["open_return"] },
    { name: "receive_return", from: ["RETURN_REQUESTED"], to: "RETURNED", actors: [...staffOrOperator], effects: ["receive_return", "void_or_refund"] },
    { name: "reject_return", from: ["RETURN_REQUESTED"], to: "DELIVERED", actors: [...staffOrOperator], effects: ["cancel_return"] },
  ],
}

// SERVICE: NEW → SLOT_RESERVED → PAID → CONFIRMED → SERVED → CLOSED ; ↘ CANCELLED ; ↘ NO_SHOW
export const SERVICE_V1: ProcessDefinition = {
  kind: "SERVICE",
  version: 1,
  initial: "NEW",
  onOrderPlaced: ["SLOT_RESERVED", "PAID"],
  states: ["NEW", "SLOT_RESERVED", "PAID", "CONFIRMED", "SERVED", "CLOSED", "CANCELLED", "NO_SHOW"],
  terminal: ["CLOSED", "CANCELLED", "NO_SHOW"],
  transitions: [
    { name: "reserve_slot", from: ["NEW"], to: "SLOT_RESERVED", actors: ["system"] },
    { name: "pay", from: ["SLOT_RESERVED"], to: "PAID", actors: ["system"] },
    // `system` confirms when the product auto-confirms; otherwise the merchant does.
    { name: "confirm", from: ["PAID"], to: "CONFIRMED", actors: [...staffOrOperator, "system"], effects: ["capture"] },
    { name: "serve", from: ["CONFIRMED"], to: "SERVED", actors: [...staffOrOperator], guards: ["slot_started"] },
    { name: "no_show", from: ["CONFIRMED"], to: "NO_SHOW", actors: [...staffOrOperator], guards: ["slot_started"] },
    { name: "close", from: ["SERVED"], to: "CLOSED", actors: ["operator", "system"], guards: ["no_open_dispute"] },
    { name: "cancel", from: ["NEW", "SLOT_RESERVED", "PAID", "CONFIRMED"], to: "CANCELLED", actors: ["buyer", ...staffOrOperator, "system"],
      guards: ["slot_not_started"], effects: ["release_slot", "void_or_refund"] },
  ],
  timed: [
    { name: "expire_slot_hold", from: "SLOT_RESERVED", to: "CANCELLED", after: { setting: "RESERVATION_TTL_MS", defaultMs: 15 * MINUTE },
      effects: ["release_slot"] },
    { name: "auto_close", from: "SERVED", to: "CLOSED", after: { setting: "AUTO_CLOSE_MS", defaultMs: 7 * DAY }, guards: ["no_open_dispute"] },
  ],
}

// COURSE: NEW → PAID → ACCESS_GRANTED → CONSUMED → CLOSED ; ↘ REFUNDED
// Until the course-access module lands, the system grants access right after the order is
// placed (a subscriber, so a failed capture leaves the line PAID and retryable, not the checkout failed).
export const COURSE_V1: ProcessDefinition = {
  kind: "COURSE",
  version: 1,
  initial: "NEW",
  onOrderPlaced: ["PAID"],
  states: ["NEW", "PAID", "ACCESS_GRANTED", "CONSUMED", "CLOSED", "REFUNDED"],
  terminal: ["CLOSED", "REFUNDED"],
  transitions: [
    { name: "pay", from: ["NEW"], to: "PAID", actors: ["system"] },
    { name: "grant_access", from: ["PAID"], to: "ACCESS_GRANTED", actors: ["system", "operator"], effects: ["capture", "grant_access"] },
    { name: "consume", from: ["ACCESS_GRANTED"], to: "CONSUMED", actors: ["system"] },
    { name: "close", from: ["CONSUMED"], to: "CLOSED", actors: ["operator", "system"], guards: ["no_open_dispute"] },
    { name: "refund", from: ["PAID", "ACCESS_GRANTED"], to: "REFUNDED", actors: ["buyer", "operator"],
      guards: ["within_refund_window"], effects: ["revoke_access", "void_or_refund"] },
    // A merchant's or operator's refund outside the move above that gives back everything captured
    // (issue 21): the system closes the line as REFUNDED in the same request. The money is already
    // back, so only access is revoked. Added to v1 in place: it only follows money that has moved,
    // and lines already started on v1 are exactly the ones that were left open.
    { name: "refunded_in_full", from: ["ACCESS_GRANTED", "CONSUMED"], to: "REFUNDED", actors: ["system"], effects: ["revoke_access"] },
  ],
  timed: [
    { name: "auto_close", from: "CONSUMED", to: "CLOSED", after: { setting: "AUTO_CLOSE_MS", defaultMs: 7 * DAY }, guards: ["no_open_dispute"] },
  ],
}

const DEFINITIONS: ProcessDefinition[] = [PHYSICAL_V1, PHYSICAL_V2, SERVICE_V1, COURSE_V1]

/** The newest process of a kind: new lines start on it and keep that version for life. */
export function latestProcess(kind: ProductKindValue): ProcessDefinition {
  return DEFINITIONS.filter((d) => d.kind === kind).sort((a, b) => b.version - a.version)[0]
}

export function processFor(kind: ProductKindValue, version: number): ProcessDefinition {
  const def = DEFINITIONS.find((d) => d.kind === kind && d.version === version)
  if (!def) throw new Error(`No ${kind} process version ${version}`)
  return def
}

export const ALL_PROCESSES: readonly ProcessDefinition[] = DEFINITIONS
