import { zoneName } from "../templates/format"

// Messages give a booking's time with its zone in the reader's words, never as an IANA id.
describe("zoneName", () => {
  const at = new Date("2026-12-10T10:00:00Z")
  it("names the zone in the reader's language", () => {
    expect(zoneName("en-GB", "Asia/Dubai", at)).toBe("Gulf Standard Time")
    expect(zoneName("ru-RU", "Europe/Moscow", at)).toBe("Москва, стандартное время")
    expect(zoneName("ar-AE", "Asia/Dubai", at)).toBe("توقيت الخليج")
  })
  it("adds the zone's city where the language only has an offset", () => {
    expect(zoneName("en-GB", "America/Punta_Arenas", at)).toBe("Punta Arenas, GMT-03:00")
    expect(zoneName("ar-AE", "America/Punta_Arenas", at)).toMatch(/^Punta Arenas, /)
  })
  it("falls back to the id for a zone Intl does not know", () => {
    expect(zoneName("en-GB", "Mars/Olympus_Mons", at)).toBe("Mars/Olympus_Mons")
  })
})
