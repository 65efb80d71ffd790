import { excludedInstants, instancesBetween, parseRecurrence, RuleError } from "./recurrence"
import { addLocalMinutes, localDateKey, localToInstants, parseLocalDateTime, toLocal } from "./zoned-time"

/**
 * What slot generation needs from a schedule (docs/booking.md). The RRULE's occurrences are
 * *local wall times in `timezone`* at which a working window opens (BYHOUR/BYMINUTE give the
 * time of day); inside each window of `window_minutes` a slot starts every slot + buffer minutes
 * while it still ends inside the window.
 */
export type SlotRules = {
  timezone: string
  rrule: string
  slot_minutes: number
  buffer_minutes?: number
  /** Length of each working window opened by the RRULE; default: one slot. */
  window_minutes?: number | null
  horizon_days?: number
  min_notice_minutes?: number
  /** Local dates "2026-05-01" (whole day off) or local slot starts "2026-05-01T09:00" (one slot off). */
  exdates?: string[] | null
  /** UTC ranges with no slots: any slot overlapping one is dropped. */
  blackouts?: { start: string; end: string }[] | null
  /** One-off local slot starts "2026-05-02T14:00" added to the recurrence. */
  extra_slots?: string[] | null
}

export type Slot = { start_at: Date; end_at: Date }

const MINUTE = 60_000
const DAY = 86_400_000

/** Why the engine cannot honour a rule exactly, in words for the merchant; null when it can. */
export function ruleProblem(text: string, timezone: string): string | null {
  try {
    parseRecurrence(text, timezone)
    return null
  } catch (e) {
    if (e instanceof RuleError) return e.message
    throw e
  }
}

/** The `exdates` field: local dates and local slot starts in the schedule's zone, or UTC instants. */
function fieldExclusions(exdates: string[]) {
  const keys = new Set<string>()
  const instants = new Set<number>()
  for (const raw of exdates.map((s) => s.trim())) {
    if (/(Z|[+-]\d{2}:?\d{2})$/.test(raw) && !Number.isNaN(Date.parse(raw))) instants.add(Date.parse(raw))
    else keys.add(/^\S{16}:00$/.test(raw) ? raw.slice(0, 16) : raw)
  }
  return { keys, instants }
}

/**
 * Bookable slot starts in [from, to), UTC, earliest first. Instances follow RFC 5545 on the rule's
 * own wall clock (see recurrence.ts); inside a window a slot whose wall time does not exist is
 * skipped and a repeated one is its first occurrence. `now` applies minimum notice and the horizon.
 */
export function generateSlots(rules: SlotRules, range: { from: Date; to: Date; now: Date }): Slot[] {
  const { timezone: tz } = rules
  const slotMs = rules.slot_minutes * MINUTE
  const step = rules.slot_minutes + (rules.buffer_minutes ?? 0)
  const window = Math.max(rules.window_minutes ?? rules.slot_minutes, rules.slot_minutes)
  const earliest = Math.max(range.from.getTime(), range.now.getTime() + (rules.min_notice_minutes ?? 0) * MINUTE)
  const latest = Math.min(range.to.getTime(), range.now.getTime() + (rules.horizon_days ?? 60) * DAY + 1)
  if (earliest >= latest) return []

  const rec = parseRecurrence(rules.rrule, tz)
  const ruleExcluded = excludedInstants(rec)
  const field = fieldExclusions(rules.exdates ?? [])
  const blackouts = (rules.blackouts ?? []).map((b) => [new Date(b.start).getTime(), new Date(b.end).getTime()] as const)
  const starts = new Map<number, Slot>()
  const offer = (instant: Date | undefined, applyExdates: boolean) => {
    if (!instant) return
    const t = instant.getTime()
    if (t < earliest || t >= latest) return
    if (applyExdates) {
      const local = toLocal(instant, tz)
      const key = localDateKey(local)
      const hhmm = `${String(local.hour).padStart(2, "0")}:${String(local.minute).padStart(2, "0")}`
      if (ruleExcluded.has(t) || field.instants.has(t) || field.keys.has(key) || field.keys.has(`${key}T${hhmm}`)) return
    }
    if (blackouts.some(([s, e]) => t < e && t + slotMs > s)) return
    starts.set(t, { start_at: instant, end_at: new Date(t + slotMs) })
  }

  // Windows that opened before the range can still have slots inside it.
  for (const open of instancesBetween(rec, earliest - window * MINUTE, latest)) {
    for (let offset = 0; offset + rules.slot_minutes <= window; offset += step) {
      offer(offset === 0 ? open.instant : localToInstants(addLocalMinutes(open.local, offset), rec.zone)[0], true)
    }
  }
  for (const extra of rules.extra_slots ?? []) {
    const local = parseLocalDateTime(extra)
    if (local) offer(localToInstants(local, tz)[0], false)
  }
  return [...starts.values()].sort((a, b) => a.start_at.getTime() - b.start_at.getTime())
}

/** Whether `start` is one of the schedule's slot starts right now (used before holding it). */
export function isSlotStart(rules: SlotRules, start: Date, now: Date): Slot | null {
  const found = generateSlots(rules, { from: start, to: new Date(start.getTime() + 1), now })
  return found.find((s) => s.start_at.getTime() === start.getTime()) ?? null
}
