import { generateSlots, SlotRules } from "../slots"
import { localToInstants } from "../zoned-time"

const iso = (d: Date) => d.toISOString()
const weeklySunday = (timezone: string, hour: number, minute = 0): SlotRules => ({
  timezone, rrule: `FREQ=WEEKLY;BYDAY=SU;BYHOUR=${hour};BYMINUTE=${minute};BYSECOND=0`, slot_minutes: 60, horizon_days: 400,
})
const NOW = new Date("2026-01-01T00:00:00Z")
const starts = (rules: SlotRules, from: string, to: string, now = NOW) =>
  generateSlots(rules, { from: new Date(from), to: new Date(to), now }).map((s) => iso(s.start_at))

describe("slot generation across DST (2026-03-29 and 2026-10-25 are Sundays)", () => {
  it("Europe/Berlin 09:00 stays 09:00 local on both sides of spring-forward", () => {
    expect(starts(weeklySunday("Europe/Berlin", 9), "2026-03-20T00:00:00Z", "2026-04-06T00:00:00Z")).toEqual([
      "2026-03-22T08:00:00.000Z", // CET, UTC+1
      "2026-03-29T07:00:00.000Z", // CEST, UTC+2 from 01:00 UTC that day
      "2026-04-05T07:00:00.000Z",
    ])
  })

  it("Europe/Berlin 09:00 stays 09:00 local on both sides of fall-back", () => {
    expect(starts(weeklySunday("Europe/Berlin", 9), "2026-10-17T00:00:00Z", "2026-11-02T00:00:00Z")).toEqual([
      "2026-10-18T07:00:00.000Z",
      "2026-10-25T08:00:00.000Z",
      "2026-11-01T08:00:00.000Z",
    ])
  })

  it("Europe/Moscow (UTC+3, no DST) and Asia/Dubai (UTC+4, no DST) do not move", () => {
    for (const [from, to] of [["2026-03-20T00:00:00Z", "2026-04-06T00:00:00Z"], ["2026-10-17T00:00:00Z", "2026-11-02T00:00:00Z"]]) {
      const moscow = starts(weeklySunday("Europe/Moscow", 9), from, to)
      const dubai = starts(weeklySunday("Asia/Dubai", 9), from, to)
      expect(moscow).toHaveLength(3)
      expect(dubai).toHaveLength(3)
      moscow.forEach((s) => expect(s.slice(11)).toBe("06:00:00.000Z"))
      dubai.forEach((s) => expect(s.slice(11)).toBe("05:00:00.000Z"))
    }
    expect(starts(weeklySunday("Europe/Moscow", 9), "2026-03-29T00:00:00Z", "2026-03-30T00:00:00Z")).toEqual(["2026-03-29T06:00:00.000Z"])
    expect(starts(weeklySunday("Asia/Dubai", 9), "2026-10-25T00:00:00Z", "2026-10-26T00:00:00Z")).toEqual(["2026-10-25T05:00:00.000Z"])
  })

  it("a 02:30 Europe/Berlin slot does not exist on 2026-03-29 and is skipped", () => {
    expect(localToInstants({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/Berlin")).toEqual([])
    expect(starts(weeklySunday("Europe/Berlin", 2, 30), "2026-03-20T00:00:00Z", "2026-04-06T00:00:00Z")).toEqual([
      "2026-03-22T01:30:00.000Z",
      "2026-04-05T00:30:00.000Z",
    ])
  })

  it("a 02:30 Europe/Berlin slot that happens twice on 2026-10-25 is offered once (the first)", () => {
    expect(localToInstants({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, "Europe/Berlin").map(iso))
      .toEqual(["2026-10-25T00:30:00.000Z", "2026-10-25T01:30:00.000Z"])
    expect(starts(weeklySunday("Europe/Berlin", 2, 30), "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z")).toEqual(["2026-10-25T00:30:00.000Z"])
  })

  it("slots inside a window keep wall-clock steps across the spring-forward gap", () => {
    const rules: SlotRules = { ...weeklySunday("Europe/Berlin", 1), window_minutes: 180, slot_minutes: 60 }
    // 01:00, 02:00 (does not exist), 03:00 local
    expect(starts(rules, "2026-03-28T12:00:00Z", "2026-03-30T00:00:00Z")).toEqual(["2026-03-29T00:00:00.000Z", "2026-03-29T01:00:00.000Z"])
  })
})

describe("slot generation rules", () => {
  const base: SlotRules = {
    timezone: "Asia/Dubai", rrule: "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
    slot_minutes: 60, buffer_minutes: 15, window_minutes: 180, horizon_days: 30, min_notice_minutes: 0,
  }
  const week = ["2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z"] as const // Monday 5 Jan 2026

  it("fills a window with slot + buffer steps that end inside it", () => {
    const slots = generateSlots(base, { from: new Date(week[0]), to: new Date(week[1]), now: NOW })
    expect(slots.map((s) => [iso(s.start_at), iso(s.end_at)])).toEqual([
      ["2026-01-05T05:00:00.000Z", "2026-01-05T06:00:00.000Z"], // 09:00–10:00 Dubai
      ["2026-01-05T06:15:00.000Z", "2026-01-05T07:15:00.000Z"], // 10:15–11:15 (11:30 would end after 12:00)
    ])
  })

  it("drops exdates (whole day or one slot), blackouts, and adds extra slots", () => {
    expect(starts({ ...base, exdates: ["2026-01-05"] }, ...week)).toEqual([])
    expect(starts({ ...base, exdates: ["2026-01-05T10:15"] }, ...week)).toEqual(["2026-01-05T05:00:00.000Z"])
    expect(starts({ ...base, blackouts: [{ start: "2026-01-05T05:30:00Z", end: "2026-01-05T05:45:00Z" }] }, ...week)).toEqual(["2026-01-05T06:15:00.000Z"])
    expect(starts({ ...base, extra_slots: ["2026-01-05T16:00"] }, ...week)).toEqual([
      "2026-01-05T05:00:00.000Z", "2026-01-05T06:15:00.000Z", "2026-01-05T12:00:00.000Z",
    ])
  })

  it("applies minimum notice and the horizon", () => {
    expect(starts({ ...base, min_notice_minutes: 60 }, ...week, new Date("2026-01-05T04:30:00Z"))).toEqual(["2026-01-05T06:15:00.000Z"])
    expect(starts({ ...base, horizon_days: 3 }, ...week, new Date("2026-01-01T00:00:00Z"))).toEqual([])
  })
})
