import { generateSlots, ruleProblem } from "../slots"
import { GridError, weeklyGridToRRule, type WeeklyBlock } from "../weekly-grid"

const weekdays = (start: string, end: string): WeeklyBlock[] => (["MO", "TU", "WE", "TH", "FR"] as const).map((day) => ({ day, start, end }))
const allWeek = (slot: number, sundayEnd: string) =>
  (["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const).map((day) => ({ day, start: "00:00", end: day === "SU" ? sundayEnd : "24:00" }))
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe("weekly grid → RRULE (expected rules derived by hand below)", () => {
  it("Mon–Fri 09:00–12:00, 60-min slots, no buffer: starts 9, 10, 11 every day = the whole BYDAY×BYHOUR×BYMINUTE set, no BYSETPOS", () => {
    expect(weeklyGridToRRule(weekdays("09:00", "12:00"), 60, 0)).toBe("FREQ=WEEKLY;WKST=MO;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9,10,11;BYMINUTE=0")
  })

  it("Mon 09:00–12:00, 60-min slots + 15-min buffer: starts 09:00 and 10:15 (11:30 would end 12:30)", () => {
    // Week set from Monday: 9:00 (1), 9:15 (2), 10:00 (3), 10:15 (4) → positions 1 and 4.
    expect(weeklyGridToRRule([{ day: "MO", start: "09:00", end: "12:00" }], 60, 15)).toBe("FREQ=WEEKLY;WKST=MO;BYDAY=MO;BYHOUR=9,10;BYMINUTE=0,15;BYSETPOS=1,4")
  })

  it("different hours per day: Mon 09:00–11:00 and Wed 14:00–15:00 in 30-min slots", () => {
    // Each day's candidates: 9:00 9:30 10:00 10:30 14:00 14:30 (6). Monday takes 1–4; Wednesday
    // (second day of the set, so 6 + n) takes 14:00 and 14:30 = 11, 12.
    const blocks: WeeklyBlock[] = [{ day: "WE", start: "14:00", end: "15:00" }, { day: "MO", start: "09:00", end: "11:00" }]
    expect(weeklyGridToRRule(blocks, 30, 0)).toBe("FREQ=WEEKLY;WKST=MO;BYDAY=MO,WE;BYHOUR=9,10,14;BYMINUTE=0,30;BYSETPOS=1,2,3,4,11,12")
  })

  it("two blocks on one day keep their own spacing: Tue 08:00–09:00 and 13:30–14:30, 60-min slots", () => {
    // Starts 08:00 and 13:30; candidates 8:00 (1) 8:30 (2) 13:00 (3) 13:30 (4) → 1, 4.
    expect(weeklyGridToRRule([{ day: "TU", start: "08:00", end: "09:00" }, { day: "TU", start: "13:30", end: "14:30" }], 60, 0))
      .toBe("FREQ=WEEKLY;WKST=MO;BYDAY=TU;BYHOUR=8,13;BYMINUTE=0,30;BYSETPOS=1,4")
  })

  it("positions past 366 are counted from the end of the set (RFC 5545 allows -366..-1)", () => {
    // 15-min slots all week except Sunday 23:45: set 7 × 24 × 4 = 672, chosen 1..671.
    // 367..671 become p − 673 = −306..−2.
    const rule = weeklyGridToRRule(allWeek(15, "23:45"), 15, 0)
    expect(rule).toBe(`FREQ=WEEKLY;WKST=MO;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=${range(0, 23).join(",")};BYMINUTE=0,15,30,45;BYSETPOS=${[...range(1, 366), ...range(-306, -2)].join(",")}`)
    expect(ruleProblem(rule, "Europe/Berlin")).toBeNull()
  })

  it("refuses a week one rule cannot name: 10-min slots all week but Sunday 23:50 (set 1,008; position 367 would be −642)", () => {
    expect(() => weeklyGridToRRule(allWeek(10, "23:50"), 10, 0)).toThrow(GridError)
  })

  it("refuses overlapping blocks, a block ending before it starts, bad times and hours where no slot fits", () => {
    expect(() => weeklyGridToRRule([{ day: "MO", start: "09:00", end: "11:00" }, { day: "MO", start: "10:00", end: "12:00" }], 60, 0)).toThrow(/overlap/)
    expect(() => weeklyGridToRRule([{ day: "MO", start: "11:00", end: "10:00" }], 60, 0)).toThrow(/end after/)
    expect(() => weeklyGridToRRule([{ day: "MO", start: "9:00", end: "10:00" }], 60, 0)).toThrow(/time of day/)
    expect(() => weeklyGridToRRule([{ day: "MO", start: "09:00", end: "10:00" }], 90, 0)).toThrow(/No slot fits/)
  })

  it("the slot engine turns the rules back into exactly the painted starts (Europe/Berlin, UTC+1 in December)", () => {
    const week = { from: new Date("2026-12-07T00:00:00Z"), to: new Date("2026-12-14T00:00:00Z"), now: new Date("2026-12-01T00:00:00Z") }
    const startsOf = (rrule: string, slot: number) =>
      generateSlots({ timezone: "Europe/Berlin", rrule, slot_minutes: slot, horizon_days: 60, min_notice_minutes: 0 }, week).map((s) => s.start_at.toISOString())
    // Mon 2026-12-07 09:00 and 10:15 local.
    expect(startsOf(weeklyGridToRRule([{ day: "MO", start: "09:00", end: "12:00" }], 60, 15), 60)).toEqual(["2026-12-07T08:00:00.000Z", "2026-12-07T09:15:00.000Z"])
    // Mon 09:00–10:30 local in 30-min slots, Wed 2026-12-09 14:00 and 14:30 local.
    expect(startsOf(weeklyGridToRRule([{ day: "MO", start: "09:00", end: "11:00" }, { day: "WE", start: "14:00", end: "15:00" }], 30, 0), 30)).toEqual([
      "2026-12-07T08:00:00.000Z", "2026-12-07T08:30:00.000Z", "2026-12-07T09:00:00.000Z", "2026-12-07T09:30:00.000Z",
      "2026-12-09T13:00:00.000Z", "2026-12-09T13:30:00.000Z",
    ])
  })
})
