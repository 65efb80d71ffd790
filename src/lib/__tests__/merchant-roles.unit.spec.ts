import { roleAllows, roleSections } from "../merchant-roles"

const LINE = "/merchant/orders/order_1/lines/line_1"

describe("merchant role table", () => {
  it("lets fulfilment move goods but never refund or cancel", () => {
    expect(roleAllows("FULFILMENT", "POST", `${LINE}/transitions`, "SHIPPED")).toBe(true)
    expect(roleAllows("FULFILMENT", "POST", `${LINE}/transitions`, "SERVED")).toBe(true)
    expect(roleAllows("FULFILMENT", "POST", `${LINE}/transitions`, "CANCELLED")).toBe(false)
    expect(roleAllows("FULFILMENT", "POST", `${LINE}/transitions`, undefined)).toBe(false)
    expect(roleAllows("FULFILMENT", "POST", `${LINE}/refunds`)).toBe(false)
    expect(roleAllows("FULFILMENT", "GET", "/merchant/balance")).toBe(false)
    expect(roleAllows("FULFILMENT", "POST", "/merchant/bookings/bk_1/reschedule")).toBe(true)
    expect(roleAllows("FINANCE", "POST", "/merchant/bookings/bk_1/reschedule")).toBe(false)
    expect(roleAllows("FINANCE", "GET", "/merchant/bookings/bk_1/slots")).toBe(true)
    expect(roleAllows("FULFILMENT", "POST", "/merchant/products/prod_1")).toBe(false)
    expect(roleAllows("FULFILMENT", "GET", "/merchant/products/prod_1")).toBe(true)
    // Delivery: fulfilment reads where and how the shop ships; owner and managers change it.
    expect(roleAllows("FULFILMENT", "GET", "/merchant/shipping")).toBe(true)
    expect(roleAllows("FULFILMENT", "POST", "/merchant/shipping/zones")).toBe(false)
    expect(roleAllows("FINANCE", "DELETE", "/merchant/shipping/options/so_1")).toBe(false)
    expect(roleAllows("MANAGER", "POST", "/merchant/shipping/options/so_1")).toBe(true)
  })

  it("lets finance refund and read money but ship nothing", () => {
    expect(roleAllows("FINANCE", "POST", `${LINE}/refunds`)).toBe(true)
    expect(roleAllows("FINANCE", "GET", "/merchant/statement")).toBe(true)
    expect(roleAllows("FINANCE", "POST", "/merchant/disputes/dsp_1/messages")).toBe(true)
    expect(roleAllows("FINANCE", "POST", `${LINE}/transitions`, "SHIPPED")).toBe(false)
    expect(roleAllows("FINANCE", "POST", "/merchant/calendar-feed")).toBe(false)
  })

  it("keeps the legal profile and payout method to the owner and finance, and the team to the owner", () => {
    for (const [m, p] of [["POST", "/merchant/me/legal"], ["POST", "/merchant/invites"], ["POST", "/merchant/staff/meruser_1"]] as const) {
      expect(roleAllows("OWNER", m, p)).toBe(true)
      expect(roleAllows("MANAGER", m, p)).toBe(false)
    }
    // Finance keeps the books: it may set the legal profile and where payouts go, but not the team.
    for (const p of ["/merchant/me/legal", "/merchant/me/payout-method"]) {
      expect(roleAllows("FINANCE", "POST", p)).toBe(true)
      expect(roleAllows("MANAGER", "POST", p)).toBe(false)
      expect(roleAllows("FULFILMENT", "POST", p)).toBe(false)
    }
    expect(roleAllows("FINANCE", "POST", "/merchant/invites")).toBe(false)
    expect(roleAllows("MANAGER", "POST", `${LINE}/refunds`)).toBe(true)
    expect(roleAllows("MANAGER", "POST", "/merchant/products")).toBe(true)
  })

  it("matches whole segments only, and refuses unknown roles", () => {
    expect(roleAllows("FINANCE", "GET", "/merchant/balance-secrets")).toBe(false)
    expect(roleAllows("FINANCE", "GET", "/merchant/balance/")).toBe(true)
    expect(roleAllows("FULFILMENT", "GET", "/merchant/orders")).toBe(true)
    expect(roleAllows("STAFF", "GET", "/merchant/me")).toBe(false)
  })

  it("names the dashboard sections each role opens", () => {
    expect(roleSections("OWNER")).toEqual(["home", "products", "orders", "bookings", "shipping", "money", "team", "settings"])
    expect(roleSections("FULFILMENT")).toEqual(["home", "products", "orders", "bookings", "shipping", "team", "settings"])
    expect(roleSections("FINANCE")).toEqual(["home", "products", "orders", "bookings", "money", "team", "settings"])
  })
})
