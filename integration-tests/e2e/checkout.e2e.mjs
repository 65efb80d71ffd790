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
  expectAttribute, expectContains, expectText, expectValue, openBrowser, poll, STEP_TIMEOUT, stepFailure, trimSlash, waitCount, waitEnabled,
} from "./browser.mjs"

export const PHYSICAL_HANDLE = "snail-shell-mug" // Snail Goods
export const COURSE_HANDLE = "typescript-from-zero" // Slow Academy
export const SNAIL_OWNER = { email: "owner@snail-goods.local", password: "merchant-pass-123" }
export { SANDBOX_PROVIDER }
export const PROMO_CODE = "E2E-SNAIL10"
const SUCCESS_CARD = "4242424242424242"
const DECLINED_CARD = "4000000000000002"

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

    step = "go to checkout"
    await page.locator('[data-testid="cart-link"]').click()
    await page.waitForURL("**/cart")
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

    step = "choose a delivery option"
    const option = page.locator('[data-testid="checkout-shipping-option"] input').first()
    // A controlled radio: it turns checked once the server has added the shipping method.
    await option.click()
    await page.locator('[data-testid="total-shippingTotal"]').waitFor()
    await poll(async () => ({ ok: await option.isChecked(), actual: "unchecked" }), "delivery option stayed unchecked")

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
    await page.locator('[data-testid="checkout-promo-remove"]').click()
    await page.locator('[data-testid="checkout-promo-applied"]').waitFor({ state: "detached" })
    await expectText(page.locator('[data-testid="total-amount"]'), totalBefore.trim())

    step = "a declined test card shows a translated error"
    await page.locator('[data-testid="checkout-card-number"]').fill(DECLINED_CARD)
    await page.locator('[data-testid="checkout-place-order"]').click()
    await expectText(page.locator('[data-testid="checkout-error"]'), "Your card was declined. Please use another card.")
    if (!page.url().endsWith("/checkout")) throw new Error(`left the checkout after a decline: ${page.url()}`)

    step = "pay with the success card and place the order"
    await page.locator('[data-testid="checkout-card-number"]').fill(SUCCESS_CARD)
    // A double click must not create two orders (one idempotency key per attempt, button disabled).
    await page.locator('[data-testid="checkout-place-order"]').dblclick()
    await page.waitForURL(/\/orders\/order_[^/?]+/, { timeout: STEP_TIMEOUT * 2 })
    const orderId = new URL(page.url()).pathname.split("/").pop()
    await page.locator('[data-testid="order-placed"]').waitFor()

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

// ── HTTP helpers ──────────────────────────────────────────────────────────

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

async function merchantShips(backend, orderId, lineId, tracking) {
  const { token } = await http(backend, "POST", "/auth/merchant/emailpass", { body: SNAIL_OWNER })
  const { lines } = await http(backend, "GET", `/merchant/orders/${orderId}/lines`, { token })
  if (!lines.some((l) => l.id === lineId)) throw new Error(`Snail Goods does not see line ${lineId} (sees ${lines.map((l) => l.id)})`)
  if (lines.some((l) => l.kind === "COURSE")) throw new Error("Snail Goods sees the Slow Academy course line")
  const url = `/merchant/orders/${orderId}/lines/${lineId}/transitions`
  await http(backend, "POST", url, { token, body: { to: "FULFILLING" } })
  await http(backend, "POST", url, { token, body: { to: "SHIPPED", carrier: "DHL", tracking_number: tracking } })
}
