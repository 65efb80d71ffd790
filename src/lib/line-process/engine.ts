import type { Actor, Effect, Guard, GuardFacts, ProcessDefinition, TimedTransitionDef, TransitionDef } from "./types"

export type TransitionRefusal = {
  ok: false
  code: "INVALID_TRANSITION" | "TRANSITION_NOT_ALLOWED_FOR_ACTOR" | "TRANSITION_GUARD_FAILED"
  message: string
}
export type TransitionPlan = { ok: true; transition: TransitionDef; from: string; to: string; effects: Effect[] }

const GUARDS: Record<Guard, (f: GuardFacts) => boolean> = {
  // A service without a booked slot is sold "by appointment" (no schedule): the merchant records
  // the agreed time, so serving it or a no-show is never blocked waiting for a slot that does not exist.
  slot_started: (f) => !f.slotStartsAt || f.slotStartsAt.getTime() <= now(f),
  slot_not_started: (f) => !f.slotStartsAt || f.slotStartsAt.getTime() > now(f),
  no_open_dispute: (f) => !f.openDispute,
  within_refund_window: (f) => !f.refundWindowEndsAt || f.refundWindowEndsAt.getTime() > now(f),
  has_tracking: (f) => typeof f.trackingNumber === "string" && f.trackingNumber.trim().length > 0,
}

function now(f: GuardFacts) {
  return (f.now ?? new Date()).getTime()
}

function failedGuards(guards: Guard[] | undefined, facts: GuardFacts): Guard[] {
  return (guards ?? []).filter((g) => !GUARDS[g](facts))
}

/**
 * Decides whether `actor` may move a line in `state` to `to` (or by transition `name`).
 * Pure: the caller persists the result and runs the effects.
 */
export function planTransition(
  def: ProcessDefinition,
  input: { state: string; to?: string; name?: string; actor: Actor; facts?: GuardFacts }
): TransitionPlan | TransitionRefusal {
  const facts = input.facts ?? {}
  const candidates = def.transitions.filter(
    (t) => t.from.includes(input.state) && (input.name ? t.name === input.name : t.to === input.to)
  )
  if (!candidates.length) {
    return { ok: false, code: "INVALID_TRANSITION", message: `A ${def.kind} line cannot go from ${input.state} to ${input.to ?? input.name}` }
  }
  const forActor = candidates.filter((t) => t.actors.includes(input.actor))
  if (!forActor.length) {
    return { ok: false, code: "TRANSITION_NOT_ALLOWED_FOR_ACTOR", message: `A ${input.actor} cannot move a ${def.kind} line from ${input.state} to ${candidates[0].to}` }
  }
  const passing = forActor.find((t) => failedGuards(t.guards, facts).length === 0)
  if (!passing) {
    const failed = failedGuards(forActor[0].guards, facts)
    return { ok: false, code: "TRANSITION_GUARD_FAILED", message: `Refused: ${failed.join(", ")} does not hold` }
  }
  return { ok: true, transition: passing, from: input.state, to: passing.to, effects: passing.effects ?? [] }
}

// Guards satisfied by data sent with the move itself (a tracking number with SHIPPED): when listing
// what may come next they cannot be judged yet, so they are checked when the move is requested.
const REQUEST_GUARDS: Guard[] = ["has_tracking"]

/** What `actor` may do next from `state` (guards evaluated against `facts`, request guards excepted). */
export function allowedTransitions(def: ProcessDefinition, state: string, actor: Actor, facts: GuardFacts = {}) {
  const judgeable = (guards?: Guard[]) => (guards ?? []).filter((g) => !REQUEST_GUARDS.includes(g))
  return def.transitions
    .filter((t) => t.from.includes(state) && t.actors.includes(actor) && failedGuards(judgeable(t.guards), facts).length === 0)
    .map((t) => ({ name: t.name, to: t.to }))
}

/** Timed transitions that are due for a line that entered `state` at `enteredAt`. */
export function dueTimedTransition(
  def: ProcessDefinition,
  state: string,
  enteredAt: Date,
  settings: Record<string, number | undefined>,
  facts: GuardFacts = {}
): TimedTransitionDef | undefined {
  return def.timed.find((t) => {
    if (t.from !== state) return false
    const delay = settings[t.after.setting] ?? t.after.defaultMs
    return enteredAt.getTime() + delay <= now(facts) && failedGuards(t.guards, facts).length === 0
  })
}

/** Structural checks every definition must pass (also run as a unit test). */
export function validateDefinition(def: ProcessDefinition): string[] {
  const problems: string[] = []
  const known = new Set(def.states)
  const check = (s: string, where: string) => !known.has(s) && problems.push(`${where}: unknown state ${s}`)
  check(def.initial, "initial")
  def.onOrderPlaced.forEach((s) => check(s, "onOrderPlaced"))
  def.terminal.forEach((s) => check(s, "terminal"))
  for (const t of def.transitions) {
    t.from.forEach((s) => check(s, t.name))
    check(t.to, t.name)
    if (t.from.some((s) => def.terminal.includes(s))) problems.push(`${t.name}: leaves a terminal state`)
  }
  for (const t of def.timed) {
    check(t.from, t.name)
    check(t.to, t.name)
  }
  // Every non-terminal state must have a way forward.
  for (const s of def.states) {
    if (!def.terminal.includes(s) && !def.transitions.some((t) => t.from.includes(s))) problems.push(`${s}: dead end`)
  }
  return problems
}
