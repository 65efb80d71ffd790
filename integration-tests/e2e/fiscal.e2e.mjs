// Browser test of fiscal receipts in the admin (issue 8, "Done when"): an order paid in RUB (placed
// over the store API with the sandbox card) shows its prepayment receipt on the admin order page,
// moving to DONE with FN/FD/FPD (the widget refreshes while receipts are unfinished), and the
// Receipts page lists the order. (Forced failures and retries are covered by the HTTP spec.)
// Needs: the seed (Russia region, Snail Goods' mug with a RUB price) and ATOL pointed at the local
// contract server (scripts/lib/app-stack.mjs does it when ATOL_LOGIN is unset).
import { http } from "./api.mjs"
import { ADMIN } from "./merchant.e2e.mjs"
import { PHYSICAL_HANDLE, SANDBOX_PROVIDER } from "./checkout.e2e.mjs"
import { expectContains, openBrowser, STEP_TIMEOUT, stepFailure, trimSlash } from "./browser.mjs"

/** @param {{ backendUrl: string, executablePath?: string, headless?: boolean }} opts */
export async function run({ backendUrl, executablePath, headless }) {
  const backend = trimSlash(backendUrl)
  const { browser, page, consoleErrors } = await openBrowser({ executablePath, headless, viewport: { width: 1400, height: 1200 }, locale: "en-GB" })
  let step = "place a RUB order over the store API"
  try {
    const orderId = await placeRubOrder(backend)

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

async function placeRubOrder(backend) {
  const { token } = await http(backend, "POST", "/auth/user/emailpass", { body: ADMIN })
  const { regions } = await http(backend, "GET", "/admin/regions?currency_code=rub&fields=id,*payment_providers", { token })
  const russia = regions[0]
  if (!russia) throw new Error("no RUB region (seed missing?)")
  const providers = (russia.payment_providers ?? []).map((p) => p.id)
  if (!providers.includes(SANDBOX_PROVIDER)) await http(backend, "POST", `/admin/regions/${russia.id}`, { token, body: { payment_providers: [...providers, SANDBOX_PROVIDER] } })
  const { api_keys } = await http(backend, "GET", "/admin/api-keys?type=publishable", { token })
  const store = { "x-publishable-api-key": api_keys[0].token }
  const { products } = await http(backend, "GET", `/store/products?handle=${PHYSICAL_HANDLE}&region_id=${russia.id}`, { headers: store })
  const variant = products[0].variants[0].id
  const { cart } = await http(backend, "POST", "/store/carts", { headers: store, body: { region_id: russia.id, email: `fiscal-${Date.now().toString(36)}@e2e.local` } })
  await http(backend, "POST", `/store/carts/${cart.id}/line-items`, { headers: store, body: { variant_id: variant, quantity: 3 } })
  await http(backend, "POST", `/store/carts/${cart.id}`, {
    headers: store,
    body: { shipping_address: { first_name: "Ivan", last_name: "Buyer", address_1: "Tverskaya 1", city: "Moscow", country_code: "ru", postal_code: "125009" } },
  })
  const { shipping_options } = await http(backend, "GET", `/store/shipping-options?cart_id=${cart.id}`, { headers: store })
  if (shipping_options?.length) await http(backend, "POST", `/store/carts/${cart.id}/shipping-methods`, { headers: store, body: { option_id: shipping_options[0].id } })
  const { payment_collection } = await http(backend, "POST", "/store/payment-collections", { headers: store, body: { cart_id: cart.id } })
  await http(backend, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    headers: store, body: { provider_id: SANDBOX_PROVIDER, data: { card_number: "4242424242424242" } },
  })
  const placed = await http(backend, "POST", `/store/carts/${cart.id}/complete`, { headers: store })
  if (placed.type !== "order") throw new Error(`cart did not complete: ${JSON.stringify(placed).slice(0, 300)}`)
  return placed.order.id
}
