/**
 * Wall-clock time in an IANA time zone ↔ UTC instants, with Intl only (no I/O, no tz database of
 * our own). A local wall time maps to 0 instants (skipped by a spring-forward gap), 1, or 2 (the
 * hour repeated by a fall-back).
 */
export type LocalDateTime = { year: number; month: number; day: number; hour: number; minute: number }

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string) {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    })
    formatters.set(timeZone, f)
  }
  return f
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone)
    return true
  } catch {
    return false
  }
}

/** The wall time shown in `timeZone` at `instant`. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {}
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== "literal") parts[p.type] = Number(p.value)
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute }
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Berlin summer: +120). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const l = toLocal(instant, timeZone)
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute)
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000)
}

const sameWallTime = (a: LocalDateTime, b: LocalDateTime) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute

/**
 * Every UTC instant whose wall time in `timeZone` is `local`, earliest first. Candidates come
 * from the zone's offsets a day either side (a zone changes offset at most once a day).
 */
export function localToInstants(local: LocalDateTime, timeZone: string): Date[] {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute)
  const offsets = new Set([
    offsetMinutes(new Date(naive - 86_400_000), timeZone),
    offsetMinutes(new Date(naive), timeZone),
    offsetMinutes(new Date(naive + 86_400_000), timeZone),
  ])
  const found = new Set<number>()
  for (const off of offsets) {
    const candidate = new Date(naive - off * 60_000)
    if (sameWallTime(toLocal(candidate, timeZone), local)) found.add(candidate.getTime())
  }
  return [...found].sort((a, b) => a - b).map((t) => new Date(t))
}

/** Calendar arithmetic on wall time (minutes may overflow into hours and days). */
export function addLocalMinutes(local: LocalDateTime, minutes: number): LocalDateTime {
  const d = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) + minutes * 60_000)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() }
}

export function localDateKey(l: Pick<LocalDateTime, "year" | "month" | "day">): string {
  return `${l.year}-${String(l.month).padStart(2, "0")}-${String(l.day).padStart(2, "0")}`
}

/** "2026-05-01T14:00" (no zone) → wall time; null when malformed. */
export function parseLocalDateTime(text: string): LocalDateTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::00)?$/.exec(text)
  if (!m) return null
  const [year, month, day, hour, minute] = m.slice(1).map(Number)
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null
  return { year, month, day, hour, minute }
}
