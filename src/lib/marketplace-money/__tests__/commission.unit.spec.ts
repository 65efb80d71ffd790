import { defaultRule, findOverlap, lineCommission, resolveRule } from "../commission"

const at = new Date("2026-06-01T00:00:00Z")
const subject = { merchant_id: "mer_1", kind: "COURSE", category_ids: ["cat_yoga", "cat_wellness"], currency_code: "eur" }
const fallback = defaultRule(1000)

describe("commission rules", () => {
  it("lets the most specific valid rule win: merchant > category > kind > platform default", () => {
    const kind = { id: "kind", product_kind: "COURSE", rate_bps: 2000 }
    const category = { id: "category", category_id: "cat_yoga", rate_bps: 1800 }
    const merchant = { id: "merchant", merchant_id: "mer_1", rate_bps: 700 }
    const merchantKind = { id: "merchant_kind", merchant_id: "mer_1", product_kind: "COURSE", rate_bps: 500 }
    expect(resolveRule([], subject, at, fallback).id).toBe("platform_default")
    expect(resolveRule([kind], subject, at, fallback).id).toBe("kind")
    expect(resolveRule([kind, category], subject, at, fallback).id).toBe("category")
    expect(resolveRule([kind, category, merchant], subject, at, fallback).id).toBe("merchant")
    expect(resolveRule([kind, category, merchant, merchantKind], subject, at, fallback).id).toBe("merchant_kind")
    expect(resolveRule([{ ...merchant, merchant_id: "mer_2" }], subject, at, fallback).id).toBe("platform_default")
  })

  it("ignores rules outside their validity dates (from inclusive, to exclusive)", () => {
    const summer = { id: "summer", merchant_id: "mer_1", rate_bps: 500, valid_from: "2026-06-01T00:00:00Z", valid_to: "2026-09-01T00:00:00Z" }
    expect(resolveRule([summer], subject, at, fallback).id).toBe("summer")
    expect(resolveRule([summer], subject, new Date("2026-05-31T23:59:59Z"), fallback).id).toBe("platform_default")
    expect(resolveRule([summer], subject, new Date("2026-09-01T00:00:00Z"), fallback).id).toBe("platform_default")
  })

  it("picks the lower rate between equally specific rules of different categories", () => {
    const yoga = { id: "yoga", category_id: "cat_yoga", rate_bps: 1800 }
    const wellness = { id: "wellness", category_id: "cat_wellness", rate_bps: 1200 }
    expect(resolveRule([yoga, wellness], subject, at, fallback).id).toBe("wellness")
  })

  it("adds the fixed fee only in its currency and never charges more than the line", () => {
    const rule = { id: "r", rate_bps: 1000, fixed_fee_minor: 50, fixed_fee_currency: "eur" }
    expect(lineCommission(1005, "eur", rule)).toBe(101 + 50) // 100.5 → 101 half up
    expect(lineCommission(1005, "aed", rule)).toBe(101)
    expect(lineCommission(30, "eur", rule)).toBe(30)
    expect(lineCommission(0, "eur", rule)).toBe(0)
  })

  it("finds overlapping rules of the same scope only", () => {
    const open = { id: "a", merchant_id: "mer_1", rate_bps: 500, valid_from: "2026-01-01T00:00:00Z" }
    expect(findOverlap([open], { id: "b", merchant_id: "mer_1", rate_bps: 600, valid_from: "2026-03-01T00:00:00Z" })?.id).toBe("a")
    expect(findOverlap([open], { id: "b", merchant_id: "mer_1", rate_bps: 600, valid_to: "2026-01-01T00:00:00Z" })).toBeUndefined()
    expect(findOverlap([open], { id: "b", merchant_id: "mer_1", product_kind: "COURSE", rate_bps: 600 })).toBeUndefined()
    expect(findOverlap([open], { id: "a", merchant_id: "mer_1", rate_bps: 600 })).toBeUndefined()
  })
})
