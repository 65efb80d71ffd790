/**
 * The schedule editor's weekly grid (issue 22 §3) turned into the RFC 5545 rule the slot engine
 * reads. A merchant paints working hours per weekday; nobody types a rule.
 *
 * Why every slot start is an occurrence (and not one working window per block): a schedule has one
 * RRULE and one `window_minutes`, while blocks differ in length and time per day. A weekly rule
 * whose BYDAY × BYHOUR × BYMINUTE set is narrowed by BYSETPOS (RFC 5545 §3.3.10: positions in the
 * set of one week, counted from WKST) names exactly the starts of every weekday, so the schedule
 * keeps `window_minutes` null (each occurrence is one slot) and the buffer is already in the
 * spacing of the starts.
 */

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** One painted block: local wall times "HH:MM" in the schedule's zone, `end` may be "24:00". */
export type WeeklyBlock = { day: Weekday; start: string; end: string }

export class GridError extends Error {
  constructor(message: string, readonly field: string) {
    super(message)
  }
}

// RFC 5545 §3.3.10: BYSETPOS values are 1..366 or -366..-1.
const MAX_SETPOS = 366

function minutesOf(hhmm: string, field: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm)
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) throw new GridError(`"${hhmm}" is not a time of day (HH:MM, 00:00 to 24:00)`, field)
  return minutes
}

/** Slot starts (minutes after local midnight) of each weekday, earliest first. */
export function slotStartsByDay(blocks: WeeklyBlock[], slotMinutes: number, bufferMinutes: number): Map<Weekday, number[]> {
  const byDay = new Map<Weekday, [number, number][]>()
  blocks.forEach((b, i) => {
    if (!WEEKDAYS.includes(b.day)) throw new GridError(`Unknown weekday "${b.day}"`, `weekly_hours.${i}.day`)
    const start = minutesOf(b.start, `weekly_hours.${i}.start`)
    const end = minutesOf(b.end, `weekly_hours.${i}.end`)
    if (start >= end) throw new GridError(`A block must end after it starts (${b.start}–${b.end})`, `weekly_hours.${i}.end`)
    const day = byDay.get(b.day) ?? []
    if (day.some(([s, e]) => start < e && s < end)) throw new GridError(`Blocks of one day overlap (${b.day} ${b.start}–${b.end})`, `weekly_hours.${i}.start`)
    day.push([start, end])
    byDay.set(b.day, day)
  })
  const out = new Map<Weekday, number[]>()
  for (const day of WEEKDAYS) {
    const starts: number[] = []
    for (const [start, end] of (byDay.get(day) ?? []).sort((a, b) => a[0] - b[0])) {
      // A start at 24:00 would be the next day's midnight: the block simply ends there.
      for (let s = start; s + slotMinutes <= end && s < 24 * 60; s += slotMinutes + bufferMinutes) starts.push(s)
    }
    if (starts.length) out.set(day, starts)
  }
  return out
}

/**
 * The RRULE whose occurrences are exactly the grid's slot starts, e.g. Monday 09:00–12:00 with
 * 60-minute slots and a 15-minute buffer → "FREQ=WEEKLY;WKST=MO;BYDAY=MO;BYHOUR=9,10;BYMINUTE=0,15;BYSETPOS=1,4".
 * BYSETPOS is left out when the grid's starts are the whole BYDAY × BYHOUR × BYMINUTE set.
 */
export function weeklyGridToRRule(blocks: WeeklyBlock[], slotMinutes: number, bufferMinutes: number): string {
  const starts = slotStartsByDay(blocks, slotMinutes, bufferMinutes)
  if (!starts.size) throw new GridError("No slot fits in the painted hours: paint longer blocks or shorten the slot", "weekly_hours")
  const days = WEEKDAYS.filter((d) => starts.has(d))
  const all = [...starts.values()].flat()
  const hours = [...new Set(all.map((m) => Math.floor(m / 60)))].sort((a, b) => a - b)
  const minutes = [...new Set(all.map((m) => m % 60))].sort((a, b) => a - b)

  // The week's candidate set in chronological order from Monday (WKST=MO), as RFC 5545 expands it.
  const positions: number[] = []
  let index = 0
  for (const day of days) {
    const chosen = new Set(starts.get(day))
    for (const h of hours) for (const m of minutes) {
      index++
      if (chosen.has(h * 60 + m)) positions.push(index)
    }
  }
  const size = index
  let rule = `FREQ=WEEKLY;WKST=MO;BYDAY=${days.join(",")};BYHOUR=${hours.join(",")};BYMINUTE=${minutes.join(",")}`
  if (positions.length === size) return rule
  const setpos = positions.map((p) => (p <= MAX_SETPOS ? p : p - size - 1))
  if (setpos.some((p) => p < -MAX_SETPOS)) {
    throw new GridError("The week has too many different start times for one rule: use longer slots or fewer blocks", "weekly_hours")
  }
  rule += `;BYSETPOS=${setpos.join(",")}`
  return rule
}
