import fc from "fast-check"
import { innKind, isValidInn, isValidTrn } from ".."

describe("INN", () => {
  it("accepts real organisation and entrepreneur INNs", () => {
    expect(innKind("7707083893")).toBe("organisation") // Sberbank
    expect(innKind("7728168971")).toBe("organisation") // Alfa-Bank
    expect(innKind("500100732259")).toBe("entrepreneur")
  })
  it("refuses wrong check digits, lengths and characters", () => {
    expect(isValidInn("7707083894")).toBe(false)
    expect(isValidInn("500100732258")).toBe(false)
    expect(isValidInn("770708389")).toBe(false)
    expect(isValidInn("77070838931")).toBe(false)
    expect(isValidInn("77070838a3")).toBe(false)
  })
  it("catches every single-digit typo in a 10-digit INN's body or check digit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const digits = [..."7707083893"].map(Number)
        digits[pos] = (digits[pos] + delta) % 10
        const changed = digits.join("")
        // A mod-11 check digit of 10 collapses to 0, so a few typos are undetectable by design.
        if (isValidInn(changed)) expect(pos).not.toBe(9)
        if (pos === 9) expect(isValidInn(changed)).toBe(false)
      })
    )
  })
})

describe("TRN", () => {
  it("needs exactly 15 digits", () => {
    expect(isValidTrn("100123456700003")).toBe(true)
    expect(isValidTrn("10012345670000")).toBe(false)
    expect(isValidTrn("1001234567000031")).toBe(false)
    expect(isValidTrn("10012345670000X")).toBe(false)
  })
})
