import { publishProblems, type ReadinessInput } from "../publish-readiness"

const regions = [
  { id: "reg_eu", name: "Europe", currency_code: "eur" },
  { id: "reg_ru", name: "Russia", currency_code: "rub" },
  { id: "reg_ae", name: "United Arab Emirates", currency_code: "aed" },
]
const variant = (id: string, currencies: string[], stocked_quantity = 5, manage_inventory = true) => ({ id, title: id, currencies, manage_inventory, stocked_quantity })
const goods = (variants: ReadinessInput["variants"]): ReadinessInput => ({ kind: "PHYSICAL", lesson_count: 0, has_schedule: false, variants, regions })
const codes = (input: ReadinessInput) => publishProblems(input).map((p) => p.reason_code)

describe("publish readiness", () => {
  it("goods priced in every sold currency with stock can go live", () => {
    expect(publishProblems(goods([variant("S", ["eur", "rub"]), variant("M", ["EUR", "RUB"], 0)]))).toEqual([])
  })

  it("a variant missing a currency its sibling sells in names the variant, currency and region", () => {
    expect(publishProblems(goods([variant("S", ["eur", "aed"]), variant("M", ["eur"])]))).toEqual([
      { reason_code: "VARIANT_NOT_PRICED", variant_id: "M", variant_title: "M", currency_code: "aed", region_name: "United Arab Emirates" },
    ])
  })

  it("prices only in currencies no region sells in: not sold anywhere", () => {
    expect(codes(goods([variant("S", ["usd"])]))).toEqual(["NO_PRICE"])
  })

  it("goods with nothing in stock are refused; a variant that tracks no stock is always available", () => {
    expect(codes(goods([variant("S", ["eur"], 0), variant("M", ["eur"], 0)]))).toEqual(["NO_STOCK"])
    expect(codes(goods([variant("S", ["eur"], 0, false)]))).toEqual([])
  })

  it("a course needs a lesson, a slots service a schedule (by appointment needs none), stock is for goods only", () => {
    const base = { variants: [variant("V", ["eur"], 0, false)], regions, lesson_count: 0, has_schedule: false }
    expect(codes({ ...base, kind: "COURSE" })).toEqual(["COURSE_WITHOUT_LESSONS"])
    expect(codes({ ...base, kind: "COURSE", lesson_count: 1 })).toEqual([])
    expect(codes({ ...base, kind: "SERVICE", booking_mode: "slots" })).toEqual(["SERVICE_WITHOUT_SCHEDULE"])
    expect(codes({ ...base, kind: "SERVICE", booking_mode: "slots", has_schedule: true })).toEqual([])
    expect(codes({ ...base, kind: "SERVICE", booking_mode: "by_appointment" })).toEqual([])
  })

  it("reports every problem at once and a product without variants first of all", () => {
    expect(codes({ kind: "COURSE", lesson_count: 0, has_schedule: false, regions, variants: [variant("A", ["eur", "rub"]), variant("B", ["eur"])] }))
      .toEqual(["VARIANT_NOT_PRICED", "COURSE_WITHOUT_LESSONS"])
    expect(codes(goods([]))).toEqual(["NO_VARIANTS"])
  })
})
