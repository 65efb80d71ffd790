import { generateSlots, ruleProblem, SlotRules } from "../slots"

/*
 * Expected figures worked out by hand from RFC 5545 and the zones' published rules — never from
 * the code under test or from the process's time zone (CI runs this file under TZ=UTC,
 * Asia/Dubai and America/New_York: scripts/test.mjs).
 *
 * Zone facts used:
 * - Europe/Berlin (EU Directive 2000/84/EC): CET = UTC+1; summer time CEST = UTC+2 starts 01:00 UTC
 *   on the last Sunday of March and ends 01:00 UTC on the last Sunday of October. In 2026 those are
 *   29 March (local 02:00 → 03:00: 02:00–02:59 does not exist) and 25 October (local 03:00 → 02:00:
 *   02:00–02:59 happens twice, first at UTC+2, then at UTC+1).
 * - America/New_York (US Energy Policy Act 2005): EST = UTC−5, EDT = UTC−4 from 02:00 local on the
 *   second Sunday of March (8 March 2026: 02:00–02:59 does not exist) to 02:00 local on the first
 *   Sunday of November (1 November 2026: 01:00–01:59 happens twice, EDT then EST).
 * - Asia/Dubai: UTC+4 all year.
 * Weekdays: 1 Jan 2026 is a Thursday, so 2 March 2026 is a Monday and 29 March a Sunday.
 */
const NOW = new Date("2026-01-01T00:00:00Z")
const rules = (timezone: string, rrule: string, over: Partial<SlotRules> = {}): SlotRules => ({
  timezone, rrule, slot_minutes: 60, horizon_days: 730, ...over,
})
const starts = (r: SlotRules, from = "2026-01-01T00:00:00Z", to = "2027-06-01T00:00:00Z") =>
  generateSlots(r, { from: new Date(from), to: new Date(to), now: NOW }).map((s) => s.start_at.toISOString())

describe("RFC 5545 §3.3.10: an instance in a spring-forward gap is ignored and not counted toward COUNT", () => {
  it("Europe/Berlin, daily 02:30 from 27 March 2026, COUNT=4", () => {
    // Wall times 27, 28, 29, 30, 31 March 02:30. 29 March 02:30 does not exist → ignored and not
    // counted, so the 4 instances are 27, 28, 30, 31 March. 27–28 are CET (02:30 − 1 h = 01:30Z),
    // 30–31 are CEST (02:30 − 2 h = 00:30Z).
    expect(starts(rules("Europe/Berlin", "DTSTART;TZID=Europe/Berlin:20260327T023000\nRRULE:FREQ=DAILY;COUNT=4"))).toEqual([
      "2026-03-27T01:30:00.000Z", "2026-03-28T01:30:00.000Z", "2026-03-30T00:30:00.000Z", "2026-03-31T00:30:00.000Z",
    ])
  })

  it("America/New_York, daily 02:30 from 7 March 2026, COUNT=3", () => {
    // 7 March EST: 02:30 + 5 h = 07:30Z; 8 March 02:30 does not exist (skipped, not counted);
    // 9 and 10 March EDT: 02:30 + 4 h = 06:30Z.
    expect(starts(rules("America/New_York", "DTSTART;TZID=America/New_York:20260307T023000\nRRULE:FREQ=DAILY;COUNT=3"))).toEqual([
      "2026-03-07T07:30:00.000Z", "2026-03-09T06:30:00.000Z", "2026-03-10T06:30:00.000Z",
    ])
  })
})

describe("RFC 5545 §3.8.5.1 EXDATE excludes its instance in UTC form and in TZID form", () => {
  // Daily 09:00 Berlin from Monday 21 Dec 2026, COUNT=5: 21–25 Dec at 09:00 CET = 08:00Z.
  const rule = "DTSTART;TZID=Europe/Berlin:20261221T090000\nRRULE:FREQ=DAILY;COUNT=5"

  it("removes 24 Dec by its UTC instant and 25 Dec by its Berlin wall time; COUNT is spent before EXDATE", () => {
    // §3.8.5.1: the set is what RRULE generates, then EXDATE values are removed, so the rule does
    // not reach for 26 Dec to make up five. 24 Dec 09:00 CET = 20261224T080000Z.
    const text = `${rule}\nEXDATE:20261224T080000Z\nEXDATE;TZID=Europe/Berlin:20261225T090000`
    expect(starts(rules("Europe/Berlin", text))).toEqual(["2026-12-21T08:00:00.000Z", "2026-12-22T08:00:00.000Z", "2026-12-23T08:00:00.000Z"])
  })

  it("a UTC EXDATE that is not an instance's instant removes nothing; a list and a DATE value work", () => {
    expect(starts(rules("Europe/Berlin", `${rule}\nEXDATE:20261224T090000Z`))).toHaveLength(5) // 10:00 Berlin: no instance
    expect(starts(rules("Europe/Berlin", `${rule}\nEXDATE:20261221T080000Z,20261222T080000Z`))).toEqual([
      "2026-12-23T08:00:00.000Z", "2026-12-24T08:00:00.000Z", "2026-12-25T08:00:00.000Z",
    ])
    expect(starts(rules("Europe/Berlin", `${rule}\nEXDATE;VALUE=DATE:20261223`))).toEqual([
      "2026-12-21T08:00:00.000Z", "2026-12-22T08:00:00.000Z", "2026-12-24T08:00:00.000Z", "2026-12-25T08:00:00.000Z",
    ])
  })

  it("an excluded instance removes its whole working window; without DTSTART the rule is local to the schedule", () => {
    // Window 09:00–11:00 Berlin, one-hour slots: 08:00Z and 09:00Z each day; 24 Dec excluded by UTC EXDATE.
    const r = rules("Europe/Berlin", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0\nEXDATE:20261224T080000Z", { window_minutes: 120 })
    expect(starts(r, "2026-12-23T00:00:00Z", "2026-12-26T00:00:00Z")).toEqual([
      "2026-12-23T08:00:00.000Z", "2026-12-23T09:00:00.000Z", "2026-12-25T08:00:00.000Z", "2026-12-25T09:00:00.000Z",
    ])
  })

  it("the schedule's exdates field takes a UTC instant too", () => {
    const r = rules("Asia/Dubai", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0", { exdates: ["2026-12-24T05:00:00Z", "2026-12-25"] })
    // 09:00 Dubai = 05:00Z; 24 Dec off by instant, 25 Dec off as a local day.
    expect(starts(r, "2026-12-23T00:00:00Z", "2026-12-27T00:00:00Z")).toEqual(["2026-12-23T05:00:00.000Z", "2026-12-26T05:00:00.000Z"])
  })
})

describe("DTSTART;TZID and UNTIL are honoured whatever the schedule's and the process's zone", () => {
  const mondays = "DTSTART;TZID=Europe/Berlin:20260302T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5"
  // Mondays 2, 9, 16, 23 March at 09:00 CET = 08:00Z; 30 March is after the 29 March switch: 09:00 CEST = 07:00Z.
  const expected = ["2026-03-02T08:00:00.000Z", "2026-03-09T08:00:00.000Z", "2026-03-16T08:00:00.000Z", "2026-03-23T08:00:00.000Z", "2026-03-30T07:00:00.000Z"]

  it("counts on the TZID's wall clock", () => {
    expect(starts(rules("Europe/Berlin", mondays))).toEqual(expected)
    // The TZID names the zone of the rule's wall times, whatever the schedule's own zone is.
    expect(starts(rules("Asia/Dubai", mondays))).toEqual(expected)
    // Line folding (§3.1) and one line with a space are read the same.
    expect(starts(rules("Europe/Berlin", "DTSTART;TZID=Europe/Berlin:20260302T090000 RRULE:FREQ=WEEKLY;\r\n BYDAY=MO;COUNT=5"))).toEqual(expected)
  })

  it("a DTSTART in UTC counts on the UTC clock (no DST shift)", () => {
    expect(starts(rules("Europe/Berlin", "DTSTART:20260302T080000Z\nRRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5"))).toEqual([
      "2026-03-02T08:00:00.000Z", "2026-03-09T08:00:00.000Z", "2026-03-16T08:00:00.000Z", "2026-03-23T08:00:00.000Z", "2026-03-30T08:00:00.000Z",
    ])
  })

  it("UNTIL in UTC bounds the instants inclusively (§3.3.10)", () => {
    // Daily 09:00 Berlin from 27 March: 27, 28 at 08:00Z (CET); 29, 30 at 07:00Z (CEST); UNTIL
    // 20260330T070000Z is exactly the 30th's instance and includes it; 31 March is past it.
    expect(starts(rules("Europe/Berlin", "DTSTART;TZID=Europe/Berlin:20260327T090000\nRRULE:FREQ=DAILY;UNTIL=20260330T070000Z"))).toEqual([
      "2026-03-27T08:00:00.000Z", "2026-03-28T08:00:00.000Z", "2026-03-29T07:00:00.000Z", "2026-03-30T07:00:00.000Z",
    ])
  })
})

describe("RFC 5545 §3.3.5: an ambiguous (fall-back) local time means its first occurrence", () => {
  it("Europe/Berlin 02:30 on 25 October 2026 is 00:30Z (CEST), not 01:30Z", () => {
    // 24 Oct CEST: 02:30 − 2 h = 00:30Z; 25 Oct first 02:30 is still CEST: 00:30Z; 26 Oct CET: 01:30Z.
    const rule = "DTSTART;TZID=Europe/Berlin:20261024T023000\nRRULE:FREQ=DAILY;COUNT=3"
    expect(starts(rules("Europe/Berlin", rule))).toEqual(["2026-10-24T00:30:00.000Z", "2026-10-25T00:30:00.000Z", "2026-10-26T01:30:00.000Z"])
    // The same wall time as EXDATE;TZID names the same (first) instant and removes it …
    expect(starts(rules("Europe/Berlin", `${rule}\nEXDATE;TZID=Europe/Berlin:20261025T023000`))).toEqual(["2026-10-24T00:30:00.000Z", "2026-10-26T01:30:00.000Z"])
    // … while the second occurrence's instant is no instance.
    expect(starts(rules("Europe/Berlin", `${rule}\nEXDATE:20261025T013000Z`))).toHaveLength(3)
  })

  it("America/New_York 01:30 on 1 November 2026 is 05:30Z (EDT), not 06:30Z", () => {
    // 31 Oct EDT: 01:30 + 4 h = 05:30Z; 1 Nov first 01:30 is EDT: 05:30Z; 2 Nov EST: 06:30Z.
    expect(starts(rules("America/New_York", "DTSTART;TZID=America/New_York:20261031T013000\nRRULE:FREQ=DAILY;COUNT=3"))).toEqual([
      "2026-10-31T05:30:00.000Z", "2026-11-01T05:30:00.000Z", "2026-11-02T06:30:00.000Z",
    ])
  })
})

describe("the validator refuses what the engine cannot honour, in words", () => {
  const refused: [string, string, RegExp][] = [
    ["Europe/Berlin", "DTSTART;TZID=Europe/Berlin:20260329T023000\nRRULE:FREQ=DAILY", /does not exist in Europe\/Berlin/],
    // No TZID: the first date is local to the schedule's zone.
    ["Europe/Berlin", "DTSTART:20260329T023000\nRRULE:FREQ=DAILY", /clocks skip that hour/],
    ["UTC", "FREQ=HOURLY;INTERVAL=2", /daily, weekly, monthly or yearly/],
    ["UTC", "FREQ=DAILY;COUNT=3", /needs a first date \(DTSTART\)/],
    ["UTC", "FREQ=DAILY;BYHOUR=9;BYSECOND=30", /whole minutes/],
    ["UTC", "DTSTART;TZID=Mars/Olympus:20260302T090000\nRRULE:FREQ=DAILY", /unknown time zone "Mars\/Olympus"/],
    ["UTC", "DTSTART;TZID=Europe/Berlin:20260303T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO", /not one of the rule's own times/], // 3 March is a Tuesday
    ["UTC", "FREQ=DAILY;UNTIL=20261231", /needs a time too/],
    ["UTC", "FREQ=DAILY\nRDATE:20261224T090000Z", /extra slots/],
    ["UTC", "FREQ=DAILY\nEXDATE:2026-12-24", /not a date or date-time/],
    ["UTC", "FREQ=FORTNIGHTLY", /could not be read/],
    ["UTC", "DTSTART:20260302T090000Z", /needs a repeat line/],
  ]
  it.each(refused)("in %s refuses %j", (zone, text, message) => {
    const problem = ruleProblem(text, zone)
    expect(problem).toMatch(message)
    expect(problem).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/) // words, not machine codes
  })

  it("accepts what it honours", () => {
    for (const text of [
      "FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
      "RRULE:FREQ=DAILY;BYHOUR=9",
      "DTSTART;TZID=Europe/Berlin:20260302T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T230000Z\nEXDATE:20260309T080000Z",
      "DTSTART;TZID=Europe/Berlin:20261025T023000\nRRULE:FREQ=DAILY;COUNT=2", // ambiguous: first occurrence
    ]) expect(ruleProblem(text, "Europe/Berlin")).toBeNull()
  })
})
