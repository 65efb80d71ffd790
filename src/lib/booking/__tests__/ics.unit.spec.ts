import { fold, toIcs } from "../ics"

describe("iCalendar export", () => {
  it("writes UTC instants, escapes text and uses CRLF", () => {
    const ics = toIcs("Desert; Wellness", [{
      uid: "bkg_1@snail", start: new Date("2026-03-29T07:00:00Z"), end: new Date("2026-03-29T08:00:00Z"), summary: "Massage, 60 min",
    }], new Date("2026-01-01T00:00:00Z"))
    expect(ics).toContain("BEGIN:VCALENDAR\r\n")
    expect(ics).toContain("DTSTART:20260329T070000Z\r\n")
    expect(ics).toContain("DTEND:20260329T080000Z\r\n")
    expect(ics).toContain("SUMMARY:Massage\\, 60 min\r\n")
    expect(ics).toContain("X-WR-CALNAME:Desert\\; Wellness\r\n")
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true)
  })
  it("folds long lines at 75 octets", () => {
    const folded = fold("DESCRIPTION:" + "x".repeat(200))
    expect(folded.split("\r\n ").every((l) => Buffer.byteLength(l) <= 75)).toBe(true)
    expect(folded.replace(/\r\n /g, "")).toBe("DESCRIPTION:" + "x".repeat(200))
  })
})
