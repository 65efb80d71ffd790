import { findBadInput } from "../find-bad-input"
import { currencyCode, httpUrl, limitParam, priceInput, quantity, safeString } from "../inputs"
import { redactInternals } from "../../../api/error-handler"

describe("shared input rules", () => {
  it.each([
    [{ title: "a\u0000b" }, "title"],
    [{ title: "x".repeat(256) }, "title"],
    [{ description: "x".repeat(20_001) }, "description"],
    [{ items: [{ quantity: 1.5 }] }, "items.0.quantity"],
    [{ items: [{ quantity: -1 }] }, "items.0.quantity"],
    [{ prices: [{ currency_code: "zzz", amount: 1 }] }, "prices.0.currency_code"],
    [{ prices: [{ currency_code: "eur", amount: 1e300 }] }, "prices.0.amount"],
    [{ prices: [{ currency_code: "eur", amount: 1.234 }] }, "prices.0.amount"],
    [{ prices: [{ currency_code: "jpy", amount: 1.5 }] }, "prices.0.amount"],
    [{ amount: 1.23456 }, "amount"],
    [{ thumbnail: "javascript:alert(1)" }, "thumbnail"],
    [{ images: [{ url: "data:text/html,x" }] }, "images.0.url"],
    [{ metadata: { "k\u0001": "v" } }, "metadata.k\u0001"],
    [{ n: 1e300 }, "n"],
  ])("refuses %j at %s", (body, field) => {
    expect(findBadInput(body)?.field).toBe(field)
  })

  it("bounds limit and offset in queries", () => {
    expect(findBadInput({ limit: "-1" }, { query: true })?.field).toBe("limit")
    expect(findBadInput({ offset: "1e9" }, { query: true })?.field).toBe("offset")
    expect(findBadInput({ limit: "100000" }, { query: true })?.field).toBe("limit")
    expect(findBadInput({ limit: "20", offset: "40", q: "shoes" }, { query: true })).toBeUndefined()
  })

  it("lets ordinary input through", () => {
    const body = {
      title: "Snail shell", description: "Line one\nline two\ttabbed", thumbnail: "https://cdn.example/x.png",
      variants: [{ prices: [{ currency_code: "kwd", amount: 1.125 }, { currency_code: "jpy", amount: 1500 }], quantity: 0 }],
      metadata: { note: "Ω ✓ عربى" }, content_base64: "QQ==".repeat(10_000),
      // The Medusa admin's "Mark as shipped" with a tracking number only: "#" stands for "no URL".
      labels: [{ tracking_number: "TRK-1", tracking_url: "#", label_url: "#" }],
    }
    expect(findBadInput(body)).toBeUndefined()
  })

  it("zod pieces carry the same rules", () => {
    expect(safeString(10).safeParse("a\u0000").success).toBe(false)
    expect(currencyCode().parse("EUR")).toBe("eur")
    expect(currencyCode().safeParse("zzz").success).toBe(false)
    expect(httpUrl().safeParse("javascript:alert(1)").success).toBe(false)
    expect(quantity().safeParse(1.5).success).toBe(false)
    expect(limitParam().safeParse("-1").success).toBe(false)
    expect(priceInput().safeParse({ currency_code: "eur", amount: 1.005 }).success).toBe(false)
    expect(priceInput().safeParse({ currency_code: "kwd", amount: 1.005 }).success).toBe(true)
  })
})

describe("error bodies never carry internals", () => {
  it.each([
    'insert into "auth_identity" ("id") values ($1) - invalid byte sequence',
    "Error: boom\n    at Object.<anonymous> (/app/src/x.ts:1:1)",
    "connect ECONNREFUSED postgres://user:pw@db:5432/x",
    "request to http://localhost:9010/charges failed",
  ])("redacts %s", (message) => {
    expect(redactInternals({ type: "invalid_data", code: "INVALID_FIELD", message }).message).not.toContain(message.slice(0, 12))
  })

  it("keeps human messages", () => {
    const message = "Please select a slot from the schedule."
    expect(redactInternals({ type: "invalid_data", code: "INVALID_FIELD", message }).message).toBe(message)
  })
})
