// Browser test of a mixed two-merchant checkout and the buyer's live order page (issue 4, "Done when"):
//   a buyer registers → Europe region → adds a Snail Goods mug (PHYSICAL) and a Slow Academy course
//   (COURSE) → checkout: address, delivery, promo code (bad code refused; good code applied and
//   removed), a declined sandbox card shows a translated error, the success card places the order
//   → the order page shows both lines; the course line reaches ACCESS_GRANTED by itself;
//   Snail Goods staff (merchant API over HTTP) move the mug FULFILLING → SHIPPED with tracking,
//   and the open order page shows SHIPPED and the tracking number without a reload.
// Setup over the admin API (idempotent): the sandbox provider is enabled on the Europe region and
// a test promotion exists (the seed does neither yet).
import { http, SANDBOX_PROVIDER } from "./api.mjs"
import { ADMIN } from "./merchant.e2e.mjs"
import {
  expectAttribute, expectContains, expectText, expectValue, openBrowser, poll, snap, STEP_TIMEOUT, stepFailure, trimSlash, waitCount, waitEnabled,
} from "./browser.mjs"

export const PHYSICAL_HANDLE = "snail-shell-mug" // Snail Goods
export const COURSE_HANDLE = "typescript-from-zero" // Slow Academy
export const SNAIL_OWNER = { email: "owner@snail-goods.local", password: "merchant-pass-123" }
export { SANDBOX_PROVIDER }
export const PROMO_CODE = "E2E-SNAIL10"
const DECLINED_CARD = "4000000000000002"
/** The sandbox card that asks for the buyer's confirmation (3-D Secure style, docs/sandbox-psp.md). */
const CHALLENGE_CARD = "4000000000003220"

/**
 * @param {{ storefrontUrl: string, backendUrl: string, executablePath?: string, headless?: boolean }} opts
 * @returns {Promise<{ orderId: string, tracking: string }>}
 */
export async function run({ storefrontUrl, backendUrl, executablePath, headless }) {
  const base = trimSlash(storefrontUrl)
  const backend = trimSlash(backendUrl)
  const { browser, page, consoleErrors } = await openBrowser({ executablePath, headless, viewport: { width: 1280, height: 1000 }, locale: "en-GB" })
  page.on("dialog", (d) => d.accept())

  const stamp = Date.now().toString(36)
  const buyer = { email: `buyer-${stamp}@e2e.local`, password: "buyer-pass-123" }
  let step = "setup: sandbox provider and promotion (admin API)"
  try {
    const europe = await adminSetup(backend)

    step = "open the storefront"
    await page.goto(`${base}/`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 2 })
    await page.locator('[data-testid="product-card"]').first().waitFor()

    step = "choose the Europe region (EUR)"
    // The catalogue is server-rendered: the picker works once the page is interactive.
    await page.locator('header[data-ready="true"]').waitFor()
    await page.locator('[data-testid="region-select"]').selectOption(europe.id)

    step = "register a buyer"
    await page.locator('[data-testid="sign-in-link"]').click()
    await page.waitForURL("**/account/login")
    await page.locator('[data-testid="register-link"]').click()
    await page.waitForURL("**/account/register")
    await page.locator('[data-testid="account-first-name"]').fill("Eve")
    await page.locator('[data-testid="account-last-name"]').fill("Buyer")
    await page.locator('[data-testid="account-email-input"]').fill(buyer.email)
    await page.locator('[data-testid="account-password-input"]').fill(buyer.password)
    await page.locator('[data-testid="account-submit"]').click()
    await page.waitForURL("**/account/orders")
    await expectText(page.locator('[data-testid="account-email"]'), `(${buyer.email})`)
    await page.locator('[data-testid="orders-empty"]').waitFor()

    for (const handle of [PHYSICAL_HANDLE, COURSE_HANDLE]) {
      step = `add "${handle}" to the cart`
      await page.goto(`${base}/products/${handle}`)
      const add = page.locator('[data-testid="add-to-cart"]')
      await waitEnabled(add)
      await add.click()
      await page.locator('[data-testid="add-to-cart-status"] .success').waitFor()
    }
    await expectText(page.locator('[data-testid="cart-count"]'), "2")

    step = "cart: each line names its seller, the course is bought once, line totals"
    await page.locator('[data-testid="cart-link"]').click()
    await page.waitForURL("**/cart")
    const mugLine = page.locator('[data-testid="cart-line"][data-kind="PHYSICAL"]')
    const courseLine = page.locator('[data-testid="cart-line"][data-kind="COURSE"]')
    await expectContains(mugLine.locator('[data-testid="cart-line-seller"]'), "Snail Goods")
    await expectContains(courseLine.locator('[data-testid="cart-line-seller"]'), "Slow Academy")
    await courseLine.locator('[data-testid="cart-line-once"]').waitFor()
    if (await courseLine.locator('[data-testid="cart-line-increase"]').count()) throw new Error("the course line offers a second copy")
    await snap(page, "checkout-1-cart-en")
    for (const line of [mugLine, courseLine]) {
      if (!(Number(await line.locator('[data-testid="cart-line-total"]').getAttribute("data-minor")) > 0)) throw new Error("a cart line shows no total")
    }

    step = "go to checkout"
    await page.locator('[data-testid="go-to-checkout"]').click()
    await page.waitForURL("**/checkout")
    await page.locator('[data-testid="checkout"]').waitFor()
    const items = await page.locator('[data-testid="checkout-item"]').count()
    if (items !== 2) throw new Error(`expected 2 items at checkout, found ${items}`)
    await expectValue(page.locator('[data-testid="checkout-email"]'), buyer.email)
    await expectValue(page.locator('[data-testid="checkout-card-number"]'), "4242 4242 4242 4242")

    step = "enter the address (countries of the Europe region only)"
    const countries = await page.locator('[data-testid="checkout-country"] option').evaluateAll((os) => os.map((o) => o.value).sort())
    const expected = europe.countries.map((c) => c.iso_2).sort()
    if (JSON.stringify(countries) !== JSON.stringify(expected)) throw new Error(`country choices ${countries} ≠ region countries ${expected}`)
    await page.locator('[data-testid="checkout-first-name"]').fill("Eve")
    await page.locator('[data-testid="checkout-last-name"]').fill("Buyer")
    await page.locator('[data-testid="checkout-address-1"]').fill("Unter den Linden 1")
    await page.locator('[data-testid="checkout-postal-code"]').fill("10117")
    await page.locator('[data-testid="checkout-city"]').fill("Berlin")
    await page.locator('[data-testid="checkout-country"]').selectOption("de")
    await page.locator('[data-testid="checkout-save-address"]').click()
    await page.locator('[data-testid="checkout-address-saved"]').waitFor()
    // What is shown after "Address saved" is what the cart holds (the order is placed with it).
    await expectAttribute(page.locator('[data-testid="checkout-saved-as"]'), "data-country", "de")
    await expectAttribute(page.locator('[data-testid="checkout-saved-as"]'), "data-email", buyer.email)
    await expectContains(page.locator('[data-testid="checkout-saved-as"]'), "Germany")

    step = "choose a delivery option"
    const option = page.locator('[data-testid="checkout-shipping-option"] input').first()
    // A controlled radio: it turns checked once the server has added the shipping method.
    await option.click()
    await page.locator('[data-testid="total-shippingTotal"]').waitFor()
    await poll(async () => ({ ok: await option.isChecked(), actual: "unchecked" }), "delivery option stayed unchecked")

    step = "summary: every line has its price, tax and total; the rows add up to the total"
    await expectSummaryAddsUp(page, 2)

    step = "promo code: an unknown code is refused"
    await page.locator('[data-testid="checkout-promo-input"]').fill("NO-SUCH-CODE")
    await page.locator('[data-testid="checkout-promo-apply"]').click()
    await expectContains(page.locator('[data-testid="checkout-promo-error"]'), "NO-SUCH-CODE")

    step = `promo code: ${PROMO_CODE} is applied, then removed`
    const totalBefore = await page.locator('[data-testid="total-amount"]').innerText()
    await page.locator('[data-testid="checkout-promo-input"]').fill(PROMO_CODE)
    await page.locator('[data-testid="checkout-promo-apply"]').click()
    await expectContains(page.locator('[data-testid="checkout-promo-applied"]'), PROMO_CODE)
    await page.locator('[data-testid="total-discount"]').waitFor()
    await page.locator('[data-testid="checkout-item-discount"]').first().waitFor()
    await expectSummaryAddsUp(page, 2)
    await snap(page, "checkout-2-summary-promo-en")
    await page.locator('[data-testid="checkout-promo-remove"]').click()
    await page.locator('[data-testid="checkout-promo-applied"]').waitFor({ state: "detached" })
    await expectText(page.locator('[data-testid="total-amount"]'), totalBefore.trim())

    step = "a declined test card shows a translated error"
    await page.locator('[data-testid="checkout-card-number"]').fill(DECLINED_CARD)
    await page.locator('[data-testid="checkout-place-order"]').click()
    await expectText(page.locator('[data-testid="checkout-error"]'), "Your card was declined. Please use another card.")
    if (!page.url().endsWith("/checkout")) throw new Error(`left the checkout after a decline: ${page.url()}`)

    step = "pay with a card that asks for confirmation: the processor's challenge page shows the amount"
    const shownTotal = await expectSummaryAddsUp(page, 2)
    await page.locator('[data-testid="checkout-card-number"]').fill(CHALLENGE_CARD)
    // A double click must not create two orders (one idempotency key per attempt, button disabled).
    await page.locator('[data-testid="checkout-place-order"]').dblclick()
    await page.waitForURL(/\/v1\/payment_intents\/[^/]+\/authenticate/, { timeout: STEP_TIMEOUT * 2 })
    await expectAttribute(page.locator('[data-testid="challenge-amount"]'), "data-amount", String(shownTotal))

    step = "confirm on the challenge page: back at the checkout, the order is placed"
    await page.locator('[data-testid="challenge-confirm"]').click()
    await page.waitForURL(/\/orders\/order_[^/?]+/, { timeout: STEP_TIMEOUT * 2 })
    const orderId = new URL(page.url()).pathname.split("/").pop()
    await page.locator('[data-testid="order-placed"]').waitFor()

    step = "what the checkout showed is what was charged, to the minor unit"
    const adminToken = (await http(backend, "POST", "/auth/user/emailpass", { body: ADMIN })).token
    const charged = await orderMoney(backend, adminToken, orderId)
    if (charged.total !== shownTotal || charged.authorized !== shownTotal) {
      throw new Error(`checkout showed ${shownTotal} minor units; the order's total is ${charged.total}, the payment authorized ${charged.authorized}`)
    }
    await expectAttribute(page.locator('[data-testid="total-amount"]'), "data-minor", String(shownTotal))

    step = "order page: both lines, course access granted by the system"
    const lines = page.locator('[data-testid="order-line"]')
    await waitCount(lines, 2)
    const physical = page.locator('[data-testid="order-line"][data-kind="PHYSICAL"]')
    const course = page.locator('[data-testid="order-line"][data-kind="COURSE"]')
    await expectAttribute(physical, "data-state", "PAID")
    await expectAttribute(course, "data-state", "ACCESS_GRANTED")
    await expectText(course.locator('[data-testid="order-line-state"]'), "Access granted")
    await physical.locator('[data-testid="order-line-action-cancel"]').waitFor()

    step = "Snail Goods staff move the mug FULFILLING → SHIPPED (merchant API)"
    const tracking = `E2E${stamp.toUpperCase()}`
    const lineId = await physical.getAttribute("data-line-id")
    await merchantShips(backend, orderId, lineId, tracking)

    step = "the open order page shows SHIPPED and the tracking number without a reload"
    await expectAttribute(physical, "data-state", "SHIPPED", 30_000)
    await expectText(physical.locator('[data-testid="order-line-state"]'), "Shipped")
    await expectText(physical.locator('[data-testid="order-line-tracking-number"]'), tracking)
    await expectText(physical.locator('[data-testid="order-line-carrier"]'), "DHL")
    await physical.locator('[data-testid="order-line-history"] li[data-to="SHIPPED"]').waitFor()
    const cancels = await physical.locator('[data-testid="order-line-action-cancel"]').count()
    if (cancels !== 0) throw new Error("a shipped line still offers the buyer a cancel button")
    await expectAttribute(course, "data-state", "ACCESS_GRANTED")

    step = "the buyer has the course refunded: the order page shows it as a row, the total now = what the card paid"
    const courseTotal = Number(await page.locator('[data-testid="total-amount"]').getAttribute("data-minor")) - (await orderMoney(backend, adminToken, orderId)).mugAndDelivery
    await course.locator('[data-testid="order-line-action-refund"]').click()
    await expectAttribute(course, "data-state", "REFUNDED", 30_000)
    await expectAttribute(page.locator('[data-testid="total-adjustment-refunded"]'), "data-minor", String(-courseTotal))
    await expectAttribute(page.locator('[data-testid="total-payable"]'), "data-minor", String(shownTotal - courseTotal))
    const afterRefund = await orderMoney(backend, adminToken, orderId)
    await expectAttribute(page.locator('[data-testid="total-charged"]'), "data-minor", String(afterRefund.captured - afterRefund.refunded))
    if (afterRefund.captured - afterRefund.refunded !== shownTotal - courseTotal) {
      throw new Error(`the payment holds ${afterRefund.captured - afterRefund.refunded} (captured ${afterRefund.captured}, refunded ${afterRefund.refunded}); the page says ${shownTotal - courseTotal}`)
    }

    step = "delivered: \"Return this item\" shows the refund it brings (the mug's capture, not its delivery), then asks for the return"
    await merchantDelivers(backend, orderId, lineId)
    await expectAttribute(physical, "data-state", "DELIVERED", 30_000)
    await expectText(physical.locator('[data-testid="order-line-action-request_return"]'), "Return this item")
    await expectAttribute(physical.locator('[data-testid="order-line-return-refund"]'), "data-minor", String(afterRefund.mug))
    await physical.locator('[data-testid="order-line-action-request_return"]').click()
    await expectAttribute(physical, "data-state", "RETURN_REQUESTED", 30_000)
    await expectText(physical.locator('[data-testid="order-line-state"]'), "Return requested")
    await snap(page, "checkout-3-order-refund-return-en")

    step = "exactly one order in the buyer's account"
    await page.locator('[data-testid="account-link"]').click()
    await page.waitForURL("**/account/orders")
    await waitCount(page.locator('[data-testid="account-order-row"]'), 1)
    await page.locator(`[data-testid="account-order-row"][data-order-id="${orderId}"]`).waitFor()
    return { orderId, tracking }
  } catch (err) {
    throw await stepFailure({ test: "checkout", page, step, err, consoleErrors })
  } finally {
    await browser.close()
  }
}

/**
 * The summary's rows (data-minor: integer minor units) add up to its total; every line shows a price,
 * a tax and a total above zero-or-more, and the lines' totals plus delivery and its tax make the total.
 * Returns the total.
 */
async function expectSummaryAddsUp(page, lineCount) {
  const minor = async (testid, scope = page) => {
    const el = scope.locator(`[data-testid="${testid}"]`)
    return (await el.count()) ? Number(await el.first().getAttribute("data-minor")) : 0
  }
  await waitCount(page.locator('[data-testid="checkout-item"]'), lineCount)
  let linesTotal = 0
  for (const item of await page.locator('[data-testid="checkout-item"]').all()) {
    const price = await minor("checkout-item-price", item)
    const total = await minor("checkout-item-total", item)
    await item.locator('[data-testid="checkout-item-tax"]').waitFor()
    if (!(price > 0) || !(total > 0)) throw new Error(`a summary line shows price ${price} and total ${total} (minor units)`)
    if (price + (await minor("checkout-item-discount", item)) + (await minor("checkout-item-tax", item)) !== total) throw new Error("a summary line does not add up")
    linesTotal += total
  }
  const [items, delivery, discount, tax, total] = await Promise.all(["total-subtotal", "total-shippingTotal", "total-discount", "total-tax", "total-amount"].map((id) => minor(id)))
  if (items + delivery + discount + tax !== total) throw new Error(`rows ${items} + ${delivery} + ${discount} + ${tax} ≠ total ${total}`)
  const payTotal = Number(await page.locator('[data-testid="checkout-pay-total"] strong').getAttribute("data-minor"))
  if (payTotal !== total) throw new Error(`the total above the button (${payTotal}) ≠ the summary's (${total})`)
  // Line totals hold their own tax; delivery's tax is in the tax row: what is left of it is delivery's.
  if (linesTotal + delivery > total) throw new Error(`lines ${linesTotal} + delivery ${delivery} exceed the total ${total}`)
  return total
}

// ── HTTP helpers ──────────────────────────────────────────────────────────

/** The order's money in minor units from Medusa (admin API): total, what the payment authorized, captured, refunded. */
async function orderMoney(backend, token, orderId) {
  const fields = "total,shipping_total,*items,items.total,*payment_collections"
  const { order } = await http(backend, "GET", `/admin/orders/${orderId}?fields=${encodeURIComponent(fields)}`, { token })
  const minor = (a) => eurMinor(a)
  const pc = order.payment_collections?.[0] ?? {}
  const mug = order.items.find((i) => i.product_handle === PHYSICAL_HANDLE || i.title === "Snail Shell Mug")
  return {
    total: minor(order.total),
    authorized: minor(pc.authorized_amount ?? pc.amount),
    captured: minor(pc.captured_amount),
    refunded: minor(pc.refunded_amount),
    mug: minor(mug?.total),
    mugAndDelivery: minor(mug?.total) + minor(order.shipping_total),
  }
}

/** EUR major units as the API prints them ("14", 14.5, "-3.25") → cents, by digits (no float arithmetic). */
function eurMinor(a) {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(String(a ?? 0))
  if (!m) throw new Error(`not an amount: ${a}`)
  const f = (m[3] ?? "").padEnd(3, "0")
  const cents = Number(m[2]) * 100 + Number(f.slice(0, 2)) + (Number(f[2]) >= 5 ? 1 : 0)
  return m[1] ? -cents : cents
}

export async function merchantDelivers(backend, orderId, lineId) {
  const { token } = await http(backend, "POST", "/auth/merchant/emailpass", { body: SNAIL_OWNER })
  await http(backend, "POST", `/merchant/orders/${orderId}/lines/${lineId}/transitions`, { token, body: { to: "DELIVERED" } })
}

/** Enables the sandbox provider on the Europe region and makes sure the test promotion exists. */
async function adminSetup(backend) {
  const { token } = await http(backend, "POST", "/auth/user/emailpass", { body: ADMIN })
  const { regions } = await http(backend, "GET", "/admin/regions?currency_code=eur&fields=id,name,*countries,*payment_providers", { token })
  const europe = regions[0]
  if (!europe) throw new Error("no EUR region (seed missing?)")
  const providers = (europe.payment_providers ?? []).map((p) => p.id)
  if (!providers.includes(SANDBOX_PROVIDER)) {
    await http(backend, "POST", `/admin/regions/${europe.id}`, { token, body: { payment_providers: [...providers, SANDBOX_PROVIDER] } })
  }
  const { promotions } = await http(backend, "GET", `/admin/promotions?code=${PROMO_CODE}`, { token })
  if (!promotions?.length) {
    await http(backend, "POST", "/admin/promotions", {
      token,
      body: {
        code: PROMO_CODE,
        type: "standard",
        status: "active",
        is_automatic: false,
        application_method: { type: "percentage", target_type: "items", allocation: "each", max_quantity: 99, value: 10 },
      },
    })
  }
  return europe
}

export async function merchantShips(backend, orderId, lineId, tracking) {
  const { token } = await http(backend, "POST", "/auth/merchant/emailpass", { body: SNAIL_OWNER })
  const { lines } = await http(backend, "GET", `/merchant/orders/${orderId}/lines`, { token })
  if (!lines.some((l) => l.id === lineId)) throw new Error(`Snail Goods does not see line ${lineId} (sees ${lines.map((l) => l.id)})`)
  if (lines.some((l) => l.kind === "COURSE")) throw new Error("Snail Goods sees the Slow Academy course line")
  const url = `/merchant/orders/${orderId}/lines/${lineId}/transitions`
  await http(backend, "POST", url, { token, body: { to: "FULFILLING" } })
  await http(backend, "POST", url, { token, body: { to: "SHIPPED", carrier: "DHL", tracking_number: tracking } })
}
