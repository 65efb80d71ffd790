import { rrulestr } from "rrule"
import { addLocalMinutes, LocalDateTime, localDateKey, localToInstants, parseLocalDateTime, toLocal } from "./zoned-time"

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
// Anchor of a rule given without DTSTART: only its time-of-day parts (BYHOUR, BYMINUTE) matter.
const DEFAULT_DTSTART = new Date(Date.UTC(2020, 0, 1, 0, 0, 0))

/** rrule works on "floating" dates: a Date whose UTC fields are the wall time. */
const floating = (l: LocalDateTime) => new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute))
const fromFloating = (d: Date): LocalDateTime => ({
  year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(),
})

export function parseRule(text: string) {
  const cleaned = text.trim().replace(/^RRULE:/i, "")
  const hasStart = /DTSTART/i.test(cleaned)
  const source = hasStart ? cleaned : `RRULE:${cleaned}`
  return rrulestr(source, hasStart ? {} : { dtstart: DEFAULT_DTSTART })
}

/** Throws on a rule rrule cannot read (used by the schedule validators). */
export function assertValidRule(text: string) {
  const rule: any = parseRule(text)
  if (!rule?.options?.freq && rule?.options?.freq !== 0) throw new Error("RRULE without FREQ")
}

/**
 * Bookable slot starts in [from, to), UTC, earliest first. A wall time that does not exist that
 * day (spring-forward gap) is skipped; one that happens twice (fall-back) is offered once, at its
 * first occurrence. `now` applies minimum notice and the booking horizon.
 */
export function generateSlots(rules: SlotRules, range: { from: Date; to: Date; now: Date }): Slot[] {
  const { timezone: tz } = rules
  const slotMs = rules.slot_minutes * MINUTE
  const step = rules.slot_minutes + (rules.buffer_minutes ?? 0)
  const window = Math.max(rules.window_minutes ?? rules.slot_minutes, rules.slot_minutes)
  const earliest = Math.max(range.from.getTime(), range.now.getTime() + (rules.min_notice_minutes ?? 0) * MINUTE)
  const latest = Math.min(range.to.getTime(), range.now.getTime() + (rules.horizon_days ?? 60) * DAY + 1)
  if (earliest >= latest) return []

  const exdates = new Set((rules.exdates ?? []).map((s) => s.trim()))
  const blackouts = (rules.blackouts ?? []).map((b) => [new Date(b.start).getTime(), new Date(b.end).getTime()] as const)
  const starts = new Map<number, Slot>()
  const offer = (local: LocalDateTime, applyExdates: boolean) => {
    const key = localDateKey(local)
    const hhmm = `${String(local.hour).padStart(2, "0")}:${String(local.minute).padStart(2, "0")}`
    if (applyExdates && (exdates.has(key) || exdates.has(`${key}T${hhmm}`))) return
    const [instant] = localToInstants(local, tz)
    if (!instant) return
    const t = instant.getTime()
    if (t < earliest || t >= latest) return
    if (blackouts.some(([s, e]) => t < e && t + slotMs > s)) return
    starts.set(t, { start_at: instant, end_at: new Date(t + slotMs) })
  }

  // Windows that opened up to a day before the range can still have slots inside it.
  const fromLocal = toLocal(new Date(earliest - DAY - window * MINUTE), tz)
  const toLocalEnd = toLocal(new Date(latest + DAY), tz)
  const rule = parseRule(rules.rrule)
  for (const occurrence of rule.between(floating(fromLocal), floating(toLocalEnd), true)) {
    const open = fromFloating(occurrence)
    for (let offset = 0; offset + rules.slot_minutes <= window; offset += step) offer(addLocalMinutes(open, offset), true)
  }
  for (const extra of rules.extra_slots ?? []) {
    const local = parseLocalDateTime(extra)
    if (local) offer(local, false)
  }
  return [...starts.values()].sort((a, b) => a.start_at.getTime() - b.start_at.getTime())
}

/** Whether `start` is one of the schedule's slot starts right now (used before holding it). */
export function isSlotStart(rules: SlotRules, start: Date, now: Date): Slot | null {
  const found = generateSlots(rules, { from: start, to: new Date(start.getTime() + 1), now })
  return found.find((s) => s.start_at.getTime() === start.getTime()) ?? null
}
