import fc from "fast-check"
import {
  addMoney, allocate, currencyExponent, money, MoneyError, percentOf, subtractMoney, toMajorString, toMinor,
} from "../money"

describe("currencyExponent", () => {
  it("follows ISO 4217", () => {
    expect(currencyExponent("RUB")).toBe(2)
    expect(currencyExponent("aed")).toBe(2)
    expect(currencyExponent("EUR")).toBe(2)
    expect(currencyExponent("JPY")).toBe(0)
    expect(currencyExponent("KWD")).toBe(3)
  })
  it("refuses what is not a currency code", () => {
    expect(() => currencyExponent("EURO")).toThrow(MoneyError)
    expect(() => currencyExponent("")).toThrow(MoneyError)
  })
})

describe("toMinor / toMajorString", () => {
  it("converts exactly, without float error", () => {
    expect(toMinor(12.5, "eur")).toBe(1250)
    expect(toMinor("0.1", "eur") + toMinor("0.2", "eur")).toBe(toMinor("0.3", "eur"))
    expect(toMinor(1.005, "usd")).toBe(101) // 1.005 is "1.005" as a decimal string: half up
    expect(toMinor("1234", "jpy")).toBe(1234)
    expect(toMinor("1.234", "kwd")).toBe(1234)
    expect(toMinor("-7.25", "aed")).toBe(-725)
    expect(toMinor(1e-7, "eur")).toBe(0)
    expect(toMinor({ value: "19.99" }, "eur")).toBe(1999)
    expect(toMinor({ numeric: 5 }, "eur")).toBe(500)
  })
  it("rounds extra precision half up, half even, or refuses", () => {
    expect(toMinor("0.125", "eur")).toBe(13)
    expect(toMinor("0.125", "eur", "half_even")).toBe(12)
    expect(toMinor("0.135", "eur", "half_even")).toBe(14)
    expect(toMinor("-0.125", "eur")).toBe(-13)
    expect(() => toMinor("0.125", "eur", "reject")).toThrow(MoneyError)
    expect(toMinor("12.3", "jpy")).toBe(12)
  })
  it("rejects what is not an amount", () => {
    expect(() => toMinor("12,50", "eur")).toThrow(MoneyError)
    expect(() => toMinor(Number.NaN, "eur")).toThrow(MoneyError)
    expect(() => toMinor("abc", "eur")).toThrow(MoneyError)
  })
  it("formats minor units as exact decimal strings", () => {
    expect(toMajorString(1250, "eur")).toBe("12.50")
    expect(toMajorString(5, "eur")).toBe("0.05")
    expect(toMajorString(-5, "kwd")).toBe("-0.005")
    expect(toMajorString(1234, "jpy")).toBe("1234")
    expect(() => toMajorString(1.5, "eur")).toThrow(MoneyError)
  })
  it("round-trips every minor amount in every exponent", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom("EUR", "JPY", "KWD", "RUB", "AED"), (minor, cur) => {
        expect(toMinor(toMajorString(minor, cur), cur, "reject")).toBe(minor)
      })
    )
  })
})

describe("Money arithmetic", () => {
  it("adds and subtracts in one currency only", () => {
    expect(addMoney(money(100, "EUR"), money(250, "eur"))).toEqual({ amount: 350, currency_code: "eur" })
    expect(subtractMoney(money(100, "rub"), money(250, "rub")).amount).toBe(-150)
    expect(() => addMoney(money(1, "eur"), money(1, "rub"))).toThrow(/Currency mismatch/)
  })
  it("applies basis points with rounding", () => {
    expect(percentOf(1999, 1000)).toBe(200) // 10 % of 19.99 = 1.999 → 2.00
    expect(percentOf(1005, 500)).toBe(50) // 5 % of 10.05 = 0.5025 → 0.50
    expect(percentOf(-1999, 1000)).toBe(-200)
  })
})

describe("allocate (largest remainder)", () => {
  it("splits exactly and gives leftovers to the largest remainders", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(allocate(1000, [333, 333, 334])).toEqual([333, 333, 334])
    expect(allocate(5, [1, 3])).toEqual([1, 4])
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33])
    expect(allocate(7, [0, 5, 0])).toEqual([0, 7, 0])
  })
  it("refuses impossible weights", () => {
    expect(() => allocate(10, [])).toThrow(MoneyError)
    expect(() => allocate(10, [0, 0])).toThrow(MoneyError)
    expect(() => allocate(10, [-1, 2])).toThrow(MoneyError)
    expect(() => allocate(10.5, [1])).toThrow(MoneyError)
  })
  it("always adds up to the whole, never goes negative, and stays within one unit of the exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(total, weights)
          expect(parts).toHaveLength(weights.length)
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total)
          const sumW = weights.reduce((s, w) => s + w, 0)
          parts.forEach((part, i) => {
            if (total >= 0) expect(part).toBeGreaterThanOrEqual(0)
            if (weights[i] === 0) expect(part).toBe(0)
            // |part - exact share| < 1, checked in integers: |part·ΣW − total·w| < ΣW
            const diff = BigInt(part) * BigInt(sumW) - BigInt(total) * BigInt(weights[i])
            expect(diff < BigInt(sumW) && -diff < BigInt(sumW)).toBe(true)
          })
        }
      )
    )
  })
})
