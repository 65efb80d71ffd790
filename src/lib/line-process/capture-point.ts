import type { CapturePoint } from "../marketplace-money/ledger"

/** States in which a line waits for the move that captures it (start fulfilment, confirm, grant access). */
export const BEFORE_CAPTURE_STATES = ["NEW", "RESERVED", "PAID", "SLOT_RESERVED"]
/** States in which a line was called off and everything captured for it goes back. */
export const CALLED_OFF_STATES = ["CANCELLED", "REFUNDED", "RETURNED"]

/** Where a line in `state` stands against its capture point (the ledger's free-line booking uses it). */
export function capturePointOf(state: string): CapturePoint {
  if (BEFORE_CAPTURE_STATES.includes(state)) return "before"
  if (CALLED_OFF_STATES.includes(state)) return "called_off"
  return "passed"
}
