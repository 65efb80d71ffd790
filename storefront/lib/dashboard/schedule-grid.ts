// The schedule editor's grid in the browser: painted half-hour cells ⇄ the weekly blocks the
// server turns into an RFC 5545 rule (src/lib/booking/weekly-grid.ts). Pure, no I/O.
import type { WeeklyBlock } from "../catalog-api"

export const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const
export const CELL_MINUTES = 30
export const cellKey = (day: string, minute: number) => `${day}-${minute}`
export const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`
const minutesOf = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5))

/** Contiguous painted cells of each day become one block (Mon 09:00–12:00 …). */
export function cellsToBlocks(cells: Set<string>): WeeklyBlock[] {
  const blocks: WeeklyBlock[] = []
  for (const day of DAYS) {
    let start: number | null = null
    for (let m = 0; m <= 24 * 60; m += CELL_MINUTES) {
      const on = m < 24 * 60 && cells.has(cellKey(day, m))
      if (on && start === null) start = m
      if (!on && start !== null) {
        blocks.push({ day, start: hhmm(start), end: hhmm(m) })
        start = null
      }
    }
  }
  return blocks
}

/** A saved grid painted back (blocks not on the half hour cover the cells they touch). */
export function blocksToCells(blocks: WeeklyBlock[] | null | undefined): Set<string> {
  const cells = new Set<string>()
  for (const b of blocks ?? []) {
    const end = minutesOf(b.end)
    for (let m = Math.floor(minutesOf(b.start) / CELL_MINUTES) * CELL_MINUTES; m < end; m += CELL_MINUTES) cells.add(cellKey(b.day, m))
  }
  return cells
}

/** Minutes the zone is ahead of UTC at an instant (e.g. +240 for Asia/Dubai). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(new Date(instant)).map((p) => [p.type, p.value])
  )
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute))
  return Math.round((wall - Math.floor(instant / 60_000) * 60_000) / 60_000)
}

/** A wall time "2026-05-01" + "14:00" in `timeZone` as a UTC ISO instant (blackouts are stored as instants). */
export function zonedToUtc(date: string, time: string, timeZone: string): string {
  const [y, mo, d] = date.split("-").map(Number)
  const wall = Date.UTC(y, mo - 1, d, Number(time.slice(0, 2)), Number(time.slice(3, 5)))
  let instant = wall - offsetMinutes(wall, timeZone) * 60_000
  instant = wall - offsetMinutes(instant, timeZone) * 60_000
  return new Date(instant).toISOString()
}

/** "12.5" % → 1250 basis points (the API's unit; never shown). null when it is not a percentage. */
export function percentToBps(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim())
  if (!m) return null
  const bps = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"))
  return bps <= 10_000 ? bps : null
}

export const bpsToPercent = (bps: number) => (bps % 100 === 0 ? String(bps / 100) : (bps / 100).toFixed(2).replace(/0$/, ""))

/** A zone's name in words in the viewer's language ("Gulf Standard Time"), never only its IANA id. */
export function zoneName(timeZone: string, intlLocale: string, at = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat(intlLocale, { timeZone, timeZoneName: "longGeneric" }).formatToParts(at).find((p) => p.type === "timeZoneName")
    const city = timeZone.split("/").pop()?.replace(/_/g, " ")
    return part ? `${part.value}${city && timeZone.includes("/") ? ` (${city})` : ""}` : timeZone
  } catch {
    return timeZone
  }
}
