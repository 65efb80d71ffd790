import { ExistingReceipt, planReceipts, PlanLine } from "../plan"

const supplier = { inn: "7707083893", name: "ООО Улитка", phones: [] }
const client = { email: "buyer@example.com" }
const NOW = new Date("2026-03-10T12:00:00Z")
const base = { order_id: "order_1", client, now: NOW, order_created_at: NOW }

const shell: PlanLine = { line_id: "l_shell", title: "Shell", kind: "PHYSICAL", quantity: 3, amount_minor: 29900, tax_regime: "VAT_PAYER", supplier, state: "PAID", issuer: "platform" }
const massage: PlanLine = { line_id: "l_massage", title: "Massage", kind: "SERVICE", quantity: 1, amount_minor: 500000, tax_regime: "SIMPLIFIED_NO_VAT", supplier, state: "PAID", issuer: "platform" }
const course: PlanLine = { line_id: "l_course", title: "Course", kind: "COURSE", quantity: 1, amount_minor: 14950, tax_regime: "VAT_PAYER", supplier, state: "PAID", issuer: "platform" }
const ownRegister: PlanLine = { ...shell, line_id: "l_own", issuer: "mer_own", supplier: undefined }

const asExisting = (planned: ReturnType<typeof planReceipts>, created_at = NOW): ExistingReceipt[] =>
  planned.map((p) => ({ settlement: p.document.settlement, status: "DONE", document: p.document, created_at }))

describe("planReceipts", () => {
  it("order placed: one receipt per issuer for every line the payment pays for, mixed payment methods (issue 17 §2)", () => {
    const planned = planReceipts({ ...base, trigger: { type: "placed" }, lines: [shell, massage, course, ownRegister], existing: [] })
    expect(planned.map((p) => [p.issuer, p.idempotency_key])).toEqual([
      ["platform", "order_1:prepayment:l_course,l_massage,l_shell"],
      ["mer_own", "order_1:prepayment:l_own"],
    ])
    // Goods and the booking are prepaid (computed rate 22/122); the course, delivered at once, is paid
    // in full (22 %); the whole payment is one electronic payment: 299.00 + 5,000.00 + 149.50.
    const byLine = (id: string) => planned[0].document.items.filter((i) => i.line_id === id)
    expect(byLine("l_shell").map((i) => [i.payment_method, i.vat.type])).toEqual([["full_prepayment", "vat122"], ["full_prepayment", "vat122"]])
    expect(byLine("l_massage").map((i) => [i.payment_method, i.vat.type])).toEqual([["full_prepayment", "none"]])
    expect(byLine("l_course").map((i) => [i.payment_method, i.vat.type])).toEqual([["full_payment", "vat22"]])
    expect(planned[0].document.payments).toEqual([{ type: "electronic", sum: 29900 + 500000 + 14950 }])
    expect(planned[1].document.items[0].agent).toBeUndefined()
  })

  it("the same event planned twice gives the same keys (the outbox dedups on them)", () => {
    const a = planReceipts({ ...base, trigger: { type: "placed" }, lines: [shell, massage], existing: [] })
    const b = planReceipts({ ...base, trigger: { type: "placed" }, lines: [massage, shell], existing: [] })
    expect(b.map((p) => p.idempotency_key)).toEqual(a.map((p) => p.idempotency_key))
  })

  it("delivery after prepayment: full_payment offsetting the advance", () => {
    const prepaid = asExisting(planReceipts({ ...base, trigger: { type: "placed" }, lines: [shell], existing: [] }))
    const [r] = planReceipts({ ...base, trigger: { type: "transitioned", line_id: "l_shell", to: "DELIVERED" }, lines: [shell], existing: prepaid })
    expect(r.idempotency_key).toBe("order_1:payment:l_shell")
    expect(r.document.payments).toEqual([{ type: "advance", sum: 29900 }])
    expect(r.document.items.map((i) => i.vat.type)).toEqual(["vat22", "vat22"])
  })

  it("course access adds no receipt (the checkout's settled it); intermediate states make nothing", () => {
    const paid = asExisting(planReceipts({ ...base, trigger: { type: "placed" }, lines: [course], existing: [] }))
    expect(planReceipts({ ...base, trigger: { type: "transitioned", line_id: "l_course", to: "ACCESS_GRANTED" }, lines: [course], existing: paid })).toEqual([])
    expect(planReceipts({ ...base, trigger: { type: "transitioned", line_id: "l_course", to: "ACCESS_GRANTED" }, lines: [course], existing: [] })).toEqual([])
    expect(planReceipts({ ...base, trigger: { type: "transitioned", line_id: "l_shell", to: "SHIPPED" }, lines: [shell], existing: [] })).toEqual([])
    // Its refund mirrors a full payment.
    const [r] = planReceipts({ ...base, trigger: { type: "refunded", line_id: "l_course", amount_minor: 14950, refund_id: "olt_c" }, lines: [course], existing: paid })
    expect(r.document.items.map((i) => [i.payment_method, i.vat.type, i.sum])).toEqual([["full_payment", "vat22", 14950]])
  })

  it("a late cancellation keeps its fee on a receipt: Σ sale money − Σ refunds = the fee kept", () => {
    // A 100.00 booking (VAT payer) prepaid at checkout; the buyer cancels late, 30.00 fee kept: the line
    // captured 100.00 and refunded 70.00. Before, the refund receipt returned 100.00 and the fee was on none.
    const booking: PlanLine = { ...massage, line_id: "l_booking", amount_minor: 10000, tax_regime: "VAT_PAYER" }
    const prepaid = asExisting(planReceipts({ ...base, trigger: { type: "placed" }, lines: [booking], existing: [] }))
    const planned = planReceipts({ ...base, trigger: { type: "transitioned", line_id: "l_booking", to: "CANCELLED" }, lines: [{ ...booking, state: "CANCELLED", kept_minor: 3000 }], existing: prepaid })
    expect(planned.map((p) => [p.idempotency_key, p.document.operation, p.document.total, p.document.payments[0].type])).toEqual([
      ["order_1:refund:l_booking:cancel", "sell_refund", 7000, "electronic"],
      ["order_1:payment:l_booking", "sell", 3000, "advance"],
    ])
    // The refund mirrors the prepayment (22/122 of 70.00 = 12.62); the fee is settled as the service at 22 %.
    expect(planned[0].document.items[0]).toMatchObject({ payment_method: "full_prepayment", vat: { type: "vat122", sum: 1262 } })
    expect(planned[1].document.items[0]).toMatchObject({ payment_method: "full_payment", vat: { type: "vat22", sum: 541 } })
    const money = (op: string) => [...prepaid.map((r) => r.document), ...planned.map((p) => p.document)]
      .filter((d) => d.operation === op).flatMap((d) => d.payments).filter((p) => p.type === "electronic").reduce((s, p) => s + p.sum, 0)
    expect(money("sell") - money("sell_refund")).toBe(3000)
    // Redelivered: the same keys, and nothing more once they exist.
    expect(planReceipts({ ...base, trigger: { type: "transitioned", line_id: "l_booking", to: "CANCELLED" }, lines: [{ ...booking, kept_minor: 3000 }], existing: [...prepaid, ...asExisting(planned)] })).toEqual([])
  })

  it("partial refund then cancel: refund receipts never exceed what was settled", () => {
    const prepaid = asExisting(planReceipts({ ...base, trigger: { type: "placed" }, lines: [shell], existing: [] }))
    const partial = planReceipts({ ...base, trigger: { type: "refunded", line_id: "l_shell", amount_minor: 9967, refund_id: "olt_1" }, lines: [shell], existing: prepaid })
    expect(partial[0].idempotency_key).toBe("order_1:refund:l_shell:olt_1")
    expect(partial[0].document.operation).toBe("sell_refund")
    expect(partial[0].document.items[0]).toMatchObject({ payment_method: "full_prepayment", sum: 9967, vat: { type: "vat122" } })
    const rest = planReceipts({ ...base, trigger: { type: "transitioned", line_id: "l_shell", to: "CANCELLED" }, lines: [shell], existing: [...prepaid, ...asExisting(partial)] })
    expect(rest[0].document.total).toBe(29900 - 9967)
    const none = planReceipts({ ...base, trigger: { type: "transitioned", line_id: "l_shell", to: "CANCELLED" }, lines: [shell], existing: [...prepaid, ...asExisting(partial), ...asExisting(rest)] })
    expect(none).toEqual([])
  })

  it("cross-year: a 2026 refund of a line prepaid in 2025 keeps 20/120", () => {
    const prepaid = asExisting(planReceipts({ ...base, now: new Date("2025-12-20T10:00:00Z"), trigger: { type: "placed" }, lines: [shell], existing: [] }), new Date("2025-12-20T10:00:00Z"))
    expect(prepaid[0].document.items[0].vat.type).toBe("vat120")
    const [r] = planReceipts({ ...base, trigger: { type: "transitioned", line_id: "l_shell", to: "CANCELLED" }, lines: [shell], existing: prepaid })
    expect(r.document.items.map((i) => i.vat.type)).toEqual(["vat120", "vat120"])
  })

  it("a refund of a delivered line is a full_payment refund; nothing receipted means nothing to refund", () => {
    const prepaid = asExisting(planReceipts({ ...base, trigger: { type: "placed" }, lines: [shell], existing: [] }))
    const paid = asExisting(planReceipts({ ...base, trigger: { type: "transitioned", line_id: "l_shell", to: "DELIVERED" }, lines: [shell], existing: prepaid }))
    const [r] = planReceipts({ ...base, trigger: { type: "refunded", line_id: "l_shell", amount_minor: 10000, refund_id: "olt_2" }, lines: [shell], existing: [...prepaid, ...paid] })
    expect(r.document.items[0]).toMatchObject({ payment_method: "full_payment", vat: { type: "vat22" } })
    expect(planReceipts({ ...base, trigger: { type: "refunded", line_id: "l_course", amount_minor: 100, refund_id: "x" }, lines: [course], existing: [] })).toEqual([])
  })

  it("delivery goes on the platform's prepayment receipt and is settled with the first delivered physical line", () => {
    const shipping = [{ id: "sm_1", name: "Courier", amount_minor: 39000 }]
    const placed = planReceipts({ ...base, shipping, trigger: { type: "placed" }, lines: [shell, ownRegister], existing: [] })
    const platform = placed.find((p) => p.issuer === "platform")!
    expect(platform.document.items.map((i) => [i.line_id, i.sum, i.agent ? "agent" : "own"])).toEqual([
      ["l_shell", 19934, "agent"], ["l_shell", 9966, "agent"], ["ship:sm_1", 39000, "own"],
    ])
    expect(platform.document.total).toBe(29900 + 39000)
    const delivered = planReceipts({ ...base, shipping, trigger: { type: "transitioned", line_id: "l_shell", to: "DELIVERED" }, lines: [shell], existing: asExisting(placed) })
    expect(delivered.map((p) => p.idempotency_key)).toEqual(["order_1:payment:l_shell", "order_1:payment:shipping"])
    expect(delivered[1].document.payments).toEqual([{ type: "advance", sum: 39000 }])
    const second = planReceipts({ ...base, shipping, trigger: { type: "transitioned", line_id: "l_own", to: "DELIVERED" }, lines: [ownRegister], existing: [...asExisting(placed), ...asExisting(delivered)] })
    expect(second.map((p) => p.idempotency_key)).toEqual(["order_1:payment:l_own"])
    // No physical line: no delivery on the receipt.
    expect(planReceipts({ ...base, shipping, trigger: { type: "placed" }, lines: [massage], existing: [] })[0].document.items).toHaveLength(1)
  })
})
