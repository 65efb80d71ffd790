// Outcome checks shared by the scenarios. Each throws with what it saw; a scenario records the
// facts it established as notes for its one-line report.
import { ledgerOf, lineOf, orderSummary } from "./api.mjs"
import { waitFor } from "./stack.mjs"

export class Check extends Error {
  name = "Check"
}

export function expect(condition, message) {
  if (!condition) throw new Check(message)
}

/** A major-unit amount as the API gives it (number or decimal string) → integer minor units (EUR: 2). */
export function minor(value, exponent = 2) {
  if (value === null || value === undefined) return 0
  const s = typeof value === "number" ? value.toFixed(exponent) : String(value)
  const [int, frac = ""] = s.replace(/^-/, "").split(".")
  const n = Number(int) * 10 ** exponent + Number((frac + "0".repeat(exponent)).slice(0, exponent) || 0)
  return s.startsWith("-") ? -n : n
}

export const eur = (m) => (m / 100).toFixed(2)

/** A failed money call must be 503 PSP_UNAVAILABLE without internals; a 4xx would hide money that may have moved. */
export function expectCleanFailure(res, what) {
  if (res.status >= 200 && res.status < 300) return "2xx"
  expect(res.status === 503, `${what} answered ${res.status || "nothing"} ${JSON.stringify(res.data ?? res.error).slice(0, 200)}; expected 2xx or 503 PSP_UNAVAILABLE`)
  expect(res.data?.code === "PSP_UNAVAILABLE", `${what} answered 503 with code ${res.data?.code}, expected PSP_UNAVAILABLE`)
  expect(!/https?:\/\/|127\.0\.0\.1|localhost/.test(String(res.data?.message ?? "")), `${what}: the message leaks an internal address: ${res.data?.message}`)
  return "503 PSP_UNAVAILABLE"
}

/**
 * GET /admin/money/verify finds nothing on `orderIds` (the scenario's own orders: one scenario's
 * failure must not fail the next); without ids, on every order.
 */
export async function expectMoneyVerified(c, orderIds) {
  const mine = orderIds ? new Set(orderIds) : null
  let violations = []
  let data
  // The ledger books a settled operation from a subscriber: allow it a few seconds (and recovery
  // passes) to catch up; how many it took is reported.
  const started = Date.now()
  let rounds = 0
  for (;;) {
    rounds += 1
    const res = await c.admin.request("GET", "/admin/money/verify")
    if (res.status === 404) throw new Check("GET /admin/money/verify does not exist yet (issue 15 item 6)")
    expect(res.status === 200, `GET /admin/money/verify answered ${res.status || res.error}`)
    data = res.data
    violations = (data?.violations ?? []).filter((v) => !mine || mine.has(v.order_id))
    if (violations.length === 0 || Date.now() - started > 10_000) break
    // Another recovery pass finishes what an earlier one settled (ledger booking, line move).
    await c.admin.post("/admin/money/recover", {})
    await new Promise((r) => setTimeout(r, 300))
  }
  expect(violations.length === 0 && (mine || data?.ok === true),
    `verify:money found ${violations.length} violation(s) for 10 s: ${violations.slice(0, 3).map((v) => `${v.order_id} ${v.rule}: ${v.message}`).join(" | ")}`)
  return `verify clean${rounds > 1 ? ` (after ${rounds - 1} more recovery pass(es), ${((Date.now() - started) / 1000).toFixed(0)} s)` : ""}`
}

/**
 * The PSP, Medusa and the line agree on a single-line order: what the PSP captured/refunded is what
 * Medusa recorded, the line's captured amount is the PSP's capture less the shipping, and its refunds
 * are the PSP's refunds. Returns the figures (minor units).
 */
export async function expectAgreement(c, { orderId, lineId, intentId }) {
  const [intent, order, line] = await Promise.all([c.psp.intent(intentId), orderSummary(c, orderId), lineOf(c, orderId, lineId)])
  const payments = (order.payment_collections ?? []).flatMap((pc) => pc.payments ?? [])
  const medusaCaptured = payments.flatMap((p) => p.captures ?? []).reduce((s, x) => s + minor(x.amount), 0)
  const medusaRefunded = payments.flatMap((p) => p.refunds ?? []).reduce((s, x) => s + minor(x.amount), 0)
  const lineCaptured = minor(line.captured_amount)
  const lineRefunded = minor(line.refunded_amount)
  expect(intent.amount_captured === medusaCaptured, `PSP captured ${eur(intent.amount_captured)} but Medusa recorded ${eur(medusaCaptured)}`)
  expect(intent.amount_refunded === medusaRefunded, `PSP refunded ${eur(intent.amount_refunded)} but Medusa recorded ${eur(medusaRefunded)}`)
  expect(intent.amount_refunded === lineRefunded, `PSP refunded ${eur(intent.amount_refunded)} but the line shows ${eur(lineRefunded)} refunded`)
  const captureState = ["FULFILLING", "SHIPPED", "DELIVERED", "CLOSED"].includes(line.state)
  expect(!captureState || lineCaptured === line.amount_minor, `the line is ${line.state} (a captured state) with ${eur(lineCaptured)} of ${eur(line.amount_minor)} captured`)
  if (lineCaptured === 0) expect(intent.amount_captured === 0, `PSP captured ${eur(intent.amount_captured)} but the line shows nothing captured`)
  else expect(lineCaptured === line.amount_minor && intent.amount_captured >= lineCaptured,
    `line captured ${eur(lineCaptured)} of ${eur(line.amount_minor)}, PSP captured ${eur(intent.amount_captured)}`)
  return { state: line.state, lineCaptured, lineRefunded, pspCaptured: intent.amount_captured, pspRefunded: intent.amount_refunded, line }
}

/** The capture of the line left its trace in the ledger (escrow credited for the merchant). */
export async function expectLedgerBooked(c, orderId) {
  // Booked by a subscriber after the move: wait for it (bounded).
  await waitFor(async () => {
    const ledger = await ledgerOf(c, orderId)
    return ledger.some((r) => r.account === "MERCHANT_ESCROW" && r.amount !== 0) || null
  }, `the ledger booked no escrow for order ${orderId}`, { timeoutMs: 15_000, intervalMs: 300 })
  return "ledger booked"
}

const LIVE_PAYMENT = ["authorized", "partially_authorized", "captured", "partially_captured", "partially_refunded", "refunded"]

/**
 * Stock is not left reserved by a dead checkout: every reservation of the item belongs to an order
 * that is live and paid. `scope` (the scenario's cart and buyer) limits it to that cart's and that
 * buyer's items, so one scenario's leak does not fail the next; without it, every reservation.
 */
export async function expectNoStrandedStock(c, inventoryItemId, scope) {
  const { reservations } = await c.admin.get(`/admin/reservations?inventory_item_id=${inventoryItemId}&limit=500&fields=id,line_item_id,quantity`)
  const { orders } = await c.admin.get("/admin/orders?limit=500&fields=id,email,status,payment_status,items.id")
  const orderOfItem = new Map(orders.flatMap((o) => (o.items ?? []).map((i) => [i.id, o])))
  let mine = null
  if (scope) {
    const { cart } = await c.store.get(`/store/carts/${scope.cartId}?fields=id,items.id`)
    mine = new Set([...(cart.items ?? []).map((i) => i.id), ...orders.filter((o) => o.email === scope.email).flatMap((o) => (o.items ?? []).map((i) => i.id))])
  }
  for (const r of reservations.filter((x) => !mine || mine.has(x.line_item_id))) {
    const order = orderOfItem.get(r.line_item_id)
    expect(order, `reservation ${r.id} (${r.quantity}) belongs to no order: stock stranded`)
    expect(order.status !== "canceled" && LIVE_PAYMENT.includes(order.payment_status),
      `reservation ${r.id} is held by order ${order.id} (${order.status}, ${order.payment_status}): stock stranded`)
  }
  return "no stranded stock"
}

/** The suite's orders of one buyer (by the cart's email). */
export async function ordersOfEmail(c, email) {
  const { orders } = await c.admin.get(`/admin/orders?limit=50&fields=id,email,status,payment_status,total,items.id`)
  return orders.filter((o) => o.email === email)
}
