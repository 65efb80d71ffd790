import { Frequency, Options, RRule } from "rrule"
import { isValidTimeZone, LocalDateTime, localDateKey, localToInstants, toLocal } from "./zoned-time"

/**
 * A schedule's recurrence (RFC 5545 §3.8.5: DTSTART, RRULE, EXDATE) evaluated on wall-clock time
 * in its own zone, never in the server process's zone.
 *
 * Why not hand the whole text to `rrule`: with a TZID it converts through the process's local zone
 * (wrong by the host's offset), it counts instances that fall in a spring-forward gap toward COUNT,
 * and it compares a UTC EXDATE with wall times, so it never matches. Here `rrule` only expands the
 * RRULE on "floating" dates (UTC fields = wall time, no TZID: pure UTC arithmetic); everything that
 * involves a zone — gaps, folds, COUNT, UNTIL, EXDATE — is decided below.
 */
export class RuleError extends Error {}

type Exclusion = { instant: number } | { date: string }

export type Recurrence = {
  /** Zone whose wall clock the rule counts in: DTSTART's TZID, UTC for a DTSTART in UTC, else the schedule's. */
  zone: string
  dtstart: LocalDateTime | null
  options: Partial<Options>
  count: number | null
  until: { instant: number } | { local: LocalDateTime } | null
  exclusions: Exclusion[]
}

export type Instance = { local: LocalDateTime; instant: Date }

export const MAX_COUNT = 10_000
// Anchor of a rule given without DTSTART: only its time-of-day parts (BYHOUR, BYMINUTE) matter.
const DEFAULT_DTSTART: LocalDateTime = { year: 2020, month: 1, day: 1, hour: 0, minute: 0 }
const DAY = 86_400_000
const EXAMPLE = "e.g. FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9;BYMINUTE=0"

const floating = (l: LocalDateTime) => new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute))
const fromFloating = (d: Date): LocalDateTime => ({
  year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(),
})
const shown = (l: LocalDateTime) => `${localDateKey(l)} ${String(l.hour).padStart(2, "0")}:${String(l.minute).padStart(2, "0")}`

type Value = { local: LocalDateTime; dateOnly: boolean; utc: boolean }

/** "20260329T023000", "20260329T013000Z" or "20260329" (RFC 5545 §3.3.4/§3.3.5). */
function parseValue(text: string, what: string): Value {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(text.trim())
  const bad = () => new RuleError(`${what} "${text}" is not a date or date-time (write 20261225, 20261225T090000 or 20261225T050000Z)`)
  if (!m) throw bad()
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((v) => (v === undefined ? undefined : Number(v))) as number[]
  const check = new Date(Date.UTC(year, month - 1, day))
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) throw bad()
  if (second !== 0) throw new RuleError(`${what} "${text}" has seconds: slot times are whole minutes`)
  return { local: { year, month, day, hour, minute }, dateOnly: m[4] === undefined, utc: m[7] === "Z" }
}

function zoneParam(params: Record<string, string>, what: string): string | null {
  const tzid = params.TZID?.replace(/^"|"$/g, "")
  if (tzid === undefined) return null
  if (!isValidTimeZone(tzid)) throw new RuleError(`${what} names an unknown time zone "${tzid}" (use an IANA name such as Europe/Berlin)`)
  return tzid
}

/** Splits the text into content lines (RFC 5545 §3.1, folded lines unfolded); a bare "FREQ=…" is the RRULE. */
function contentLines(text: string) {
  const unfolded = text.trim().replace(/\r?\n[ \t]/g, "")
  return unfolded
    .split(/\s*[\r\n]+\s*|\s+(?=(?:DTSTART|RRULE|EXDATE|RDATE|EXRULE)[;:])/i)
    .filter(Boolean)
    .map((line) => {
      const m = /^([A-Za-z-]+)((?:;[A-Za-z-]+=(?:"[^"]*"|[^;:"]*))*):(.*)$/.exec(line)
      if (!m || /^(FREQ|INTERVAL|COUNT|UNTIL|BY[A-Z]+|WKST)=/i.test(line)) return { name: "RRULE", params: {} as Record<string, string>, value: line }
      const params: Record<string, string> = {}
      for (const p of m[2].split(";").filter(Boolean)) {
        const [k, ...v] = p.split("=")
        params[k.toUpperCase()] = v.join("=")
      }
      return { name: m[1].toUpperCase(), params, value: m[3] }
    })
}

/**
 * Reads a schedule rule. `scheduleZone` is the zone of a rule without TZID (RFC 5545 "floating"
 * time is local to whoever reads it: for a schedule, the schedule's zone). Throws RuleError with a
 * message meant for the merchant for anything the engine cannot honour exactly.
 */
export function parseRecurrence(text: string, scheduleZone: string): Recurrence {
  let zone = scheduleZone
  let dtstart: LocalDateTime | null = null
  let rruleText: string | null = null
  const exdateLines: { params: Record<string, string>; value: string }[] = []
  for (const line of contentLines(text)) {
    if (line.name === "DTSTART") {
      if (dtstart) throw new RuleError("The rule has two first dates (DTSTART): keep one")
      const tzid = zoneParam(line.params, "DTSTART")
      const v = parseValue(line.value, "The first date (DTSTART)")
      if (v.dateOnly || line.params.VALUE?.toUpperCase() === "DATE") {
        throw new RuleError("The first date (DTSTART) needs a time of day, e.g. DTSTART;TZID=Europe/Berlin:20260302T090000")
      }
      if (v.utc && tzid) throw new RuleError("The first date (DTSTART) is given both in UTC (…Z) and with a time zone: use one")
      zone = v.utc ? "UTC" : tzid ?? scheduleZone
      dtstart = v.local
    } else if (line.name === "RRULE") {
      if (rruleText !== null) throw new RuleError("Use one repeat rule (RRULE) per schedule")
      rruleText = line.value
    } else if (line.name === "EXDATE") {
      exdateLines.push(line)
    } else if (line.name === "RDATE") {
      throw new RuleError("Extra dates (RDATE) are not read from the rule: add one-off times as extra slots")
    } else if (line.name === "EXRULE") {
      throw new RuleError("Exclusion rules (EXRULE) are not supported (RFC 5545 dropped them): list days off as EXDATE")
    } else {
      throw new RuleError(`The rule has a line "${line.name}" that schedules do not use: only DTSTART, RRULE and EXDATE`)
    }
  }
  if (rruleText === null || !rruleText.trim()) throw new RuleError(`The rule needs a repeat line, ${EXAMPLE}`)

  let parsed: Partial<Options>
  try {
    parsed = RRule.parseString(rruleText.replace(/^RRULE:/i, ""))
  } catch (e: any) {
    throw new RuleError(`The repeat rule could not be read (${e?.message ?? e}); write it as in RFC 5545, ${EXAMPLE}`)
  }
  if (parsed.freq === undefined || parsed.freq === null) {
    throw new RuleError(`The repeat rule could not be read: it needs a frequency (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY), ${EXAMPLE}`)
  }
  if (parsed.freq > Frequency.DAILY) {
    throw new RuleError("Slots repeat daily, weekly, monthly or yearly: for several start times a day list the hours (BYHOUR=9,14) or set a longer working window")
  }
  const seconds = ([] as number[]).concat((parsed.bysecond as number | number[] | null | undefined) ?? [])
  if (seconds.some((s) => s !== 0)) throw new RuleError("Slot times are whole minutes: remove BYSECOND or set it to 0")
  if (parsed.interval !== undefined && !(parsed.interval >= 1)) throw new RuleError("INTERVAL must be 1 or more")

  const { count = null, until = null, ...options } = parsed
  if (count !== null && !dtstart) throw new RuleError("A rule that stops after a number of times (COUNT) needs a first date (DTSTART) to count from")
  if (count !== null && (count < 1 || count > MAX_COUNT)) throw new RuleError(`COUNT must be between 1 and ${MAX_COUNT}`)

  const rec: Recurrence = { zone, dtstart, options, count, until: null, exclusions: [] }
  if (until) {
    // rrule reads UNTIL=…Z and UNTIL=… alike into a Date; the raw text says which one it was.
    const raw = /UNTIL=([0-9TZ]+)/i.exec(rruleText)![1]
    const v = parseValue(raw, "The end (UNTIL)")
    if (v.dateOnly) throw new RuleError("The end (UNTIL) needs a time too, e.g. UNTIL=20261231T235959Z")
    rec.until = v.utc ? { instant: floating(v.local).getTime() } : { local: v.local }
  }
  for (const line of exdateLines) {
    const tzid = zoneParam(line.params, "EXDATE")
    for (const item of line.value.split(",")) {
      const v = parseValue(item, "EXDATE")
      if (v.dateOnly) rec.exclusions.push({ date: localDateKey(v.local) })
      else if (v.utc) rec.exclusions.push({ instant: floating(v.local).getTime() })
      else {
        // §3.3.5: a repeated local time is its first occurrence; one in a gap names no instance.
        const [first] = localToInstants(v.local, tzid ?? zone)
        if (first) rec.exclusions.push({ instant: first.getTime() })
      }
    }
  }
  if (dtstart) {
    if (!localToInstants(dtstart, zone).length) {
      throw new RuleError(`The first date (DTSTART) ${shown(dtstart)} does not exist in ${zone}: the clocks skip that hour. Pick another time`)
    }
    // §3.8.5.3: "The recurrence set generated with a DTSTART not synchronized with the rule is undefined."
    const [first] = ruleOf(rec).all((_, i) => i < 1)
    if (!first || floating(dtstart).getTime() !== first.getTime()) {
      throw new RuleError(`The first date (DTSTART) ${shown(dtstart)} is not one of the rule's own times: start it on the first time the rule repeats`)
    }
  }
  return rec
}

const ruleOf = (rec: Recurrence) =>
  new RRule({ ...rec.options, dtstart: floating(rec.dtstart ?? DEFAULT_DTSTART), tzid: null, count: null, until: null })

/**
 * The rule's instances whose instant lies in [from, to], earliest first. An instance at a wall
 * time the zone skips is ignored and not counted toward COUNT (§3.3.10); one at a repeated wall
 * time is its first occurrence (§3.3.5); EXDATEs remove instances after counting (§3.8.5.1).
 */
export function instancesBetween(rec: Recurrence, from: number, to: number): Instance[] {
  // Wall-clock bounds a day wider than the instants: no zone is more than 26 h from UTC apart.
  const stopAt = floating(toLocal(new Date(to + DAY), rec.zone)).getTime() + DAY
  const startAt = floating(toLocal(new Date(from - DAY), rec.zone)).getTime() - DAY
  const excludedInstants = new Set(rec.exclusions.flatMap((e) => ("instant" in e ? [e.instant] : [])))
  const excludedDates = new Set(rec.exclusions.flatMap((e) => ("date" in e ? [e.date] : [])))
  const untilLocal = rec.until && "local" in rec.until ? floating(rec.until.local).getTime() : null
  const untilInstant = rec.until && "instant" in rec.until ? rec.until.instant : null
  const out: Instance[] = []
  let counted = 0
  ruleOf(rec).all((d) => {
    const t = d.getTime()
    if (t > stopAt || (untilLocal !== null && t > untilLocal)) return false
    if (rec.count === null && t < startAt) return true
    const local = fromFloating(d)
    const [instant] = localToInstants(local, rec.zone)
    if (!instant) return true // a wall time the zone skips: no instance, not counted
    if (untilInstant !== null && instant.getTime() > untilInstant) return false
    if (rec.count !== null && ++counted > rec.count) return false
    if (t < startAt) return true // counted, but before the range
    const at = instant.getTime()
    if (at >= from && at <= to && !excludedInstants.has(at) && !excludedDates.has(localDateKey(local))) out.push({ local, instant })
    return true
  })
  return out
}

/** Instants the rule's EXDATEs name (a slot inside a window starting at one of them is off too). */
export function excludedInstants(rec: Recurrence): Set<number> {
  return new Set(rec.exclusions.flatMap((e) => ("instant" in e ? [e.instant] : [])))
}
