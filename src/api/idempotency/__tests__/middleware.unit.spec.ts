import { canonicalJson, idempotencyKeyOf, requestHash } from "../middleware"

describe("idempotency request hash", () => {
  it("hashes the body as canonical JSON (key order and undefined fields do not matter)", () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: "x", u: undefined })).toBe('{"a":"x","b":[1,{"c":2,"d":1}]}')
    expect(requestHash("post", "/p", { a: 1, b: 2 })).toBe(requestHash("POST", "/p", { b: 2, a: 1 }))
    expect(requestHash("POST", "/p", undefined)).toBe(requestHash("POST", "/p", {}))
  })

  it("changes with method, path or body", () => {
    const base = requestHash("POST", "/p", { a: 1 })
    expect(requestHash("PUT", "/p", { a: 1 })).not.toBe(base)
    expect(requestHash("POST", "/q", { a: 1 })).not.toBe(base)
    expect(requestHash("POST", "/p", { a: "1" })).not.toBe(base)
    expect(base).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe("idempotency key header", () => {
  const req = (headers: Record<string, string | string[]>) => ({ headers }) as any

  it("reads X-Idempotency-Key or Idempotency-Key", () => {
    expect(idempotencyKeyOf(req({}))).toBeUndefined()
    expect(idempotencyKeyOf(req({ "x-idempotency-key": "abc" }))).toBe("abc")
    expect(idempotencyKeyOf(req({ "idempotency-key": "abc" }))).toBe("abc")
    expect(idempotencyKeyOf(req({ "x-idempotency-key": "abc", "idempotency-key": "abc" }))).toBe("abc")
    expect(idempotencyKeyOf(req({ "x-idempotency-key": "k".repeat(255) }))).toHaveLength(255)
  })

  it("refuses empty, over-long or conflicting keys with INVALID_IDEMPOTENCY_KEY", () => {
    const cases: Record<string, string>[] = [{ "x-idempotency-key": "" }, { "x-idempotency-key": "k".repeat(256) }, { "x-idempotency-key": "a", "idempotency-key": "b" }]
    for (const headers of cases) {
      expect(() => idempotencyKeyOf(req(headers))).toThrow(expect.objectContaining({ code: "INVALID_IDEMPOTENCY_KEY", status: 400 }))
    }
  })
})
