// Browser test of fiscal receipts in the admin (issue 8, "Done when"): an order paid in RUB (placed
// over the store API with the sandbox card) shows its prepayment receipt on the admin order page,
// moving to DONE with FN/FD/FPD (the widget refreshes while receipts are unfinished), and the
// Receipts page lists the order. (Forced failures and retries are covered by the HTTP spec.)
// Needs: the seed (Russia region, Snail Goods' mug with a RUB price) and ATOL pointed at the local
// contract server (scripts/lib/app-stack.mjs does it when ATOL_LOGIN is unset).
import { placeRubOrder } from "./api.mjs"
import { ADMIN } from "./merchant.e2e.mjs"
import { PHYSICAL_HANDLE } from "./checkout.e2e.mjs"
import { expectContains, openBrowser, STEP_TIMEOUT, stepFailure, trimSlash } from "./browser.mjs"

/** @param {{ backendUrl: string, executablePath?: string, headless?: boolean }} opts */
export async function run({ backendUrl, executablePath, headless }) {
  const backend = trimSlash(backendUrl)
  const { browser, page, consoleErrors } = await openBrowser({ executablePath, headless, viewport: { width: 1400, height: 1200 }, locale: "en-GB" })
  let step = "place a RUB order over the store API"
  try {
    const orderId = await placeRubGoodsOrder(backend)

    step = "admin: sign in"
    await page.goto(`${backend}/app/orders/${orderId}`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 3 })
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: STEP_TIMEOUT })
    if (!page.url().includes(orderId)) await page.goto(`${backend}/app/orders/${orderId}`, { waitUntil: "domcontentloaded" })

    step = "order page: the prepayment receipt reaches DONE with its fiscal attributes"
    const widget = page.locator('[data-testid="fiscal-receipts-widget"]')
    await widget.waitFor({ timeout: STEP_TIMEOUT * 2 })
    await expectContains(widget.locator('[data-testid="fiscal-receipt-status"]').first(), "DONE", STEP_TIMEOUT * 2)
    await expectContains(widget.locator('[data-testid="fiscal-receipt-attributes"]').first(), "FN 9999078902004567")
    await expectContains(widget, "full_prepayment")

    step = "Receipts page lists the order"
    await page.goto(`${backend}/app/fiscal-receipts`, { waitUntil: "domcontentloaded" })
    await expectContains(page.locator("body"), orderId, STEP_TIMEOUT)
    return { orderId }
  } catch (err) {
    throw await stepFailure({ test: "fiscal", page, step, err, consoleErrors })
  } finally {
    await browser.close()
  }
}

async function placeRubGoodsOrder(backend) {
  const order = await placeRubOrder(backend, {
    handle: PHYSICAL_HANDLE, quantity: 3, email: `fiscal-${Date.now().toString(36)}@e2e.local`,
    address: { first_name: "Ivan", last_name: "Buyer", address_1: "Tverskaya 1", postal_code: "125009" },
  })
  return order.id
}
