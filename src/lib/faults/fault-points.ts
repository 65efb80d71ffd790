/**
 * Named fault points for the crash suite (integration-tests/faults): with
 * SNAIL_FAULT_POINTS="capture:after-psp,…" set, the process SIGKILLs itself when it reaches one
 * of them — the closest thing to pulling the plug at that exact line. Inert otherwise, and refused
 * in production so a stray variable can never take a live server down.
 *
 * The points (each names what has and has not happened yet):
 * - checkout:before-authorize  order created, payment not yet authorized
 * - checkout:after-authorize   payment authorized, order lines not yet created
 * - capture:before-psp         operation journaled, PSP not called
 * - capture:after-psp          PSP and Medusa hold the capture, journal not settled
 * - refund:before-psp          operation journaled, PSP not called
 * - refund:after-psp           PSP and Medusa hold the refund, journal not settled
 * - ledger:before-booking      journal settled, ledger not booked
 */
export const FAULT_POINTS = [
  "checkout:before-authorize",
  "checkout:after-authorize",
  "capture:before-psp",
  "capture:after-psp",
  "refund:before-psp",
  "refund:after-psp",
  "ledger:before-booking",
] as const

export type FaultPoint = (typeof FAULT_POINTS)[number]

export function armedFaultPoints(env: NodeJS.ProcessEnv = process.env): Set<string> {
  const raw = env.SNAIL_FAULT_POINTS
  if (!raw) return new Set()
  if (env.NODE_ENV === "production") throw new Error("SNAIL_FAULT_POINTS is a test-only setting and is refused in production")
  const names = raw.split(",").map((s) => s.trim()).filter(Boolean)
  const unknown = names.filter((n) => !(FAULT_POINTS as readonly string[]).includes(n))
  if (unknown.length) throw new Error(`SNAIL_FAULT_POINTS: unknown fault point(s) ${unknown.join(", ")}; known: ${FAULT_POINTS.join(", ")}`)
  return new Set(names)
}

let armed: Set<string> | undefined

/** Kills this process at `point` when the crash suite armed it; does nothing otherwise. */
export function faultPoint(point: FaultPoint): void {
  armed ??= armedFaultPoints()
  if (!armed.has(point)) return
  // Written synchronously so the harness can tell which point fired before the process vanishes.
  process.stderr.write(`[fault] SIGKILL at ${point}\n`)
  process.kill(process.pid, "SIGKILL")
}
