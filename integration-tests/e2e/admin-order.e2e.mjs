// Browser test of one order truth in the MEDUSA ADMIN's own order page (issue 16 §2, §6): a mixed
// order (Snail Goods' mug, shipped; Slow Academy's course, granted at once) operated only with Medusa's
// own buttons, each of which acts through the line engine or is refused with words:
//   "Capture payment" → every line still waiting is captured per line (journaled, booked to escrow);
//   "Fulfill items" → the mug's line starts fulfilment; "Mark as shipped" (tracking number) → SHIPPED;
//   "Mark as delivered" → DELIVERED; then the lines, the split widget's ledger and Medusa's order
//   status (badges and API) agree, and the money checker is clean;
//   "Cancel order" on that delivered order → refused with the reason in words, nothing changes;
//   "Cancel order" on a second order → every line cancelled or refunded through the engine, the
//   order cancelled in Medusa.
// The page shows no control that contradicts the lines: no capture button once captured, no
// "Awaiting fulfillment" card for the course (its grant is its delivery).
import { ADMIN, http, regionWithSandbox, SANDBOX_PROVIDER } from "./api.mjs"
import { expectContains, openBrowser, poll, STEP_TIMEOUT, stepFailure, trimSlash } from "./browser.mjs"

const MUG = "snail-shell-mug" // Snail Goods, shipped
const COURSE = "typescript-from-zero" // Slow Academy, granted at checkout
const CARD = "4242424242424242"

/**
 * @param {{ backendUrl: string, executablePath?: string, headless?: boolean }} opts
 * @returns {Promise<{ orderId: string, cancelledId: string, tracking: string }>}
 */
export async function run({ backendUrl, executablePath, headless }) {
  const backend = trimSlash(backendUrl)
  const { browser, page, consoleErrors } = await openBrowser({ executablePath, headless, viewport: { width: 1400, height: 1000 }, locale: "en-GB" })
  let step = "setup: a buyer orders the mug and the course (HTTP)"
  try {
    const admin = (await http(backend, "POST", "/auth/user/emailpass", { body: ADMIN })).token
    const region = await regionWithSandbox(backend, "eur")
    const orderId = await placeOrder(backend, admin, region)
    const cancelledId = await placeOrder(backend, admin, region)
    const lines = async (id) => (await http(backend, "GET", `/admin/orders/${id}/lines`, { token: admin })).lines
    const order = async (id) => (await http(backend, "GET", `/admin/orders/${id}?fields=id,display_id,status,payment_status,fulfillment_status,*fulfillments,*fulfillments.labels`, { token: admin })).order
    const lineOf = (ls, kind) => ls.find((l) => l.kind === kind)
    for (const id of [orderId, cancelledId]) {
      await poll(async () => ({ ok: lineOf(await lines(id), "COURSE")?.state === "ACCESS_GRANTED", actual: JSON.stringify((await lines(id)).map((l) => l.state)) }), `order ${id}: the course was not granted`)
    }

    step = "admin: sign in and open the order"
    await page.goto(`${backend}/app`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 3 })
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: STEP_TIMEOUT })
    await page.goto(`${backend}/app/orders/${orderId}`, { waitUntil: "domcontentloaded" })
    await page.locator('[data-testid="order-lines-widget"]').waitFor({ timeout: STEP_TIMEOUT * 2 })

    step = "admin: the course shows no awaiting-fulfilment controls (its grant was its delivery)"
    // Medusa's "Unfulfilled Items" card (the innermost container holding its heading): the mug only.
    const unfulfilledHeading = page.getByRole("heading", { name: "Unfulfilled Items" })
    const unfulfilled = page.locator("div.divide-y", { has: unfulfilledHeading }).last()
    await unfulfilled.waitFor()
    const courseTitle = (await lines(orderId)).find((l) => l.kind === "COURSE").title
    const mugTitle = (await lines(orderId)).find((l) => l.kind === "PHYSICAL").title
    await unfulfilled.getByText(mugTitle).first().waitFor()
    if (await unfulfilled.getByText(courseTitle).count()) throw new Error(`the course "${courseTitle}" is listed as awaiting fulfilment`)

    step = "admin: Capture payment → every waiting line captured through the engine"
    const mugLine = lineOf(await lines(orderId), "PHYSICAL")
    await page.getByRole("button", { name: "Capture payment" }).click()
    await page.getByRole("button", { name: "Confirm" }).click()
    await poll(async () => {
      const l = lineOf(await lines(orderId), "PHYSICAL")
      return { ok: Number(l.captured_amount) > 0 && l.state === "PAID", actual: `${l.state} captured ${l.captured_amount}` }
    }, "the mug's line was not captured by the admin's Capture payment")
    // The split widget shows the capture booked: Snail Goods' net in escrow.
    await page.locator(`[data-testid="marketplace-split-widget"] [data-testid="split-row"][data-merchant-id="${mugLine.merchant_id}"]`).waitFor()
    await page.locator('[data-testid="split-ledger-row"][data-account="MERCHANT_ESCROW"]').first().waitFor()
    // Everything is captured now: Medusa hides its capture button, so no second, contradictory one.
    await poll(async () => ({ ok: (await page.getByRole("button", { name: "Capture payment" }).count()) === 0, actual: "the Capture payment button is still shown" }), "capture button still shown")

    step = "admin: Fulfill items → the mug's line starts fulfilment"
    await page.locator("div.justify-between", { has: unfulfilledHeading }).last().locator("button").last().click()
    await page.getByRole("menuitem", { name: "Fulfill items" }).click()
    await page.waitForURL(`**/orders/${orderId}/fulfillment**`)
    const create = page.getByRole("button", { name: "Create Fulfillment" })
    await create.waitFor()
    // The form picks the order's shipping method and its location itself; wait for both to load.
    await page.waitForTimeout(1500)
    await create.click()
    await page.waitForURL((url) => url.pathname.endsWith(`/orders/${orderId}`), { timeout: STEP_TIMEOUT })
    await poll(async () => ({ ok: lineOf(await lines(orderId), "PHYSICAL").state === "FULFILLING", actual: lineOf(await lines(orderId), "PHYSICAL").state }), "the mug's line did not start fulfilment")

    step = "admin: Mark as shipped with a tracking number → SHIPPED"
    const tracking = `ADM-${Date.now().toString(36).toUpperCase()}`
    await page.getByRole("button", { name: "Mark as shipped" }).click()
    await page.waitForURL("**/create-shipment")
    await page.getByRole("button", { name: "Add tracking number" }).click()
    await page.locator('input[name="labels.0.tracking_number"]').fill(tracking)
    await page.getByRole("button", { name: "Save" }).click()
    await page.waitForURL((url) => url.pathname.endsWith(`/orders/${orderId}`), { timeout: STEP_TIMEOUT })
    await poll(async () => {
      const l = lineOf(await lines(orderId), "PHYSICAL")
      return { ok: l.state === "SHIPPED" && l.tracking_number === tracking, actual: `${l.state} ${l.tracking_number}` }
    }, "the mug's line was not shipped with the tracking number")

    step = "admin: Mark as delivered → DELIVERED"
    await page.getByRole("button", { name: "Mark as delivered" }).click()
    await page.getByRole("button", { name: "Continue" }).click()
    await poll(async () => ({ ok: lineOf(await lines(orderId), "PHYSICAL").state === "DELIVERED", actual: lineOf(await lines(orderId), "PHYSICAL").state }), "the mug's line was not delivered")

    step = "lines, ledger and Medusa's order agree"
    const final = await lines(orderId)
    const medusa = await order(orderId)
    const states = final.map((l) => `${l.kind}:${l.state}`).sort().join(", ")
    if (states !== "COURSE:ACCESS_GRANTED, PHYSICAL:DELIVERED") throw new Error(`lines: ${states}`)
    if (medusa.fulfillment_status !== "delivered" || medusa.payment_status !== "captured") {
      throw new Error(`Medusa's order reads ${medusa.fulfillment_status} / ${medusa.payment_status} while every line is delivered and captured`)
    }
    const shipped = medusa.fulfillments.find((f) => (f.labels ?? []).some((label) => label.tracking_number === tracking))
    if (!shipped?.delivered_at) throw new Error(`no delivered fulfilment carries ${tracking}: ${JSON.stringify(medusa.fulfillments)}`)
    for (const l of final) if (Number(l.captured_amount) !== l.amount_minor / 100) throw new Error(`line ${l.kind} captured ${l.captured_amount} of ${l.amount_minor} minor`)
    const { splits } = await http(backend, "GET", `/admin/orders/${orderId}/splits`, { token: admin })
    for (const s of splits) if (s.gross - s.commission !== s.net) throw new Error(`split does not add up: ${JSON.stringify(s)}`)
    await expectMoneyClean(backend, admin)
    // The page says the same: Medusa's own badges after a reload.
    await page.reload({ waitUntil: "domcontentloaded" })
    await page.getByText("Delivered", { exact: true }).first().waitFor()
    await page.getByText("Captured", { exact: true }).first().waitFor()

    step = "admin: Cancel order on the delivered order → refused with the reason, nothing changes"
    await cancelFromMenu(page, medusa.display_id)
    await expectContains(page.locator("[data-sonner-toast]").last(), "can no longer be cancelled")
    if ((await order(orderId)).status === "canceled") throw new Error("the delivered order was cancelled")

    step = "admin: Cancel order on the second order → every line cancelled or refunded"
    await page.goto(`${backend}/app/orders/${cancelledId}`, { waitUntil: "domcontentloaded" })
    await page.locator('[data-testid="order-lines-widget"]').waitFor({ timeout: STEP_TIMEOUT * 2 })
    await cancelFromMenu(page, (await order(cancelledId)).display_id)
    await poll(async () => ({ ok: (await order(cancelledId)).status === "canceled", actual: (await order(cancelledId)).status }), "the second order was not cancelled")
    const cancelled = (await lines(cancelledId)).map((l) => `${l.kind}:${l.state}`).sort().join(", ")
    if (cancelled !== "COURSE:REFUNDED, PHYSICAL:CANCELLED") throw new Error(`lines after Cancel order: ${cancelled}`)
    await expectMoneyClean(backend, admin)

    return { orderId, cancelledId, tracking }
  } catch (err) {
    throw await stepFailure({ test: "admin-order", page, step, err, consoleErrors })
  } finally {
    await browser.close()
  }
}

/** The order page's header menu → Cancel → "Continue" in Medusa's prompt. */
async function cancelFromMenu(page, displayId) {
  const header = page.locator("div.justify-between.px-6", { has: page.getByRole("heading", { name: `#${displayId}`, exact: true }) })
  await header.locator("button").last().click()
  await page.getByRole("menuitem", { name: "Cancel" }).click()
  await page.getByRole("button", { name: "Continue" }).click()
}

async function expectMoneyClean(backend, admin) {
  await poll(async () => {
    const report = await http(backend, "GET", "/admin/money/verify", { token: admin })
    return { ok: report.ok, actual: JSON.stringify(report.violations ?? report).slice(0, 400) }
  }, "the money checker found violations", 30_000)
}

/** A guest buyer orders the mug (shipped) and the course in EUR with the sandbox card. */
async function placeOrder(backend, admin, region) {
  const { api_keys } = await http(backend, "GET", "/admin/api-keys?type=publishable&limit=1", { token: admin })
  const pk = api_keys?.[0]?.token
  if (!pk) throw new Error("no publishable API key")
  const email = `admin-order-${Date.now().toString(36)}@e2e.local`
  const { cart } = await http(backend, "POST", "/store/carts", { pk, body: { region_id: region.id, email } })
  for (const handle of [MUG, COURSE]) {
    const { products } = await http(backend, "GET", `/store/products?handle=${handle}&region_id=${region.id}&fields=id,*variants`, { pk })
    const variant = products?.[0]?.variants?.[0]
    if (!variant) throw new Error(`no variant for ${handle}`)
    await http(backend, "POST", `/store/carts/${cart.id}/line-items`, { pk, body: { variant_id: variant.id, quantity: 1 } })
  }
  await http(backend, "POST", `/store/carts/${cart.id}`, {
    pk, body: { shipping_address: { first_name: "Ada", last_name: "Admin", address_1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country_code: region.countries?.[0]?.iso_2 ?? "de" } },
  })
  const { shipping_options } = await http(backend, "GET", `/store/shipping-options?cart_id=${cart.id}`, { pk })
  if (!shipping_options?.length) throw new Error("no shipping option for the mug")
  await http(backend, "POST", `/store/carts/${cart.id}/shipping-methods`, { pk, body: { option_id: shipping_options[0].id } })
  const { payment_collection } = await http(backend, "POST", "/store/payment-collections", { pk, body: { cart_id: cart.id } })
  await http(backend, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { pk, body: { provider_id: SANDBOX_PROVIDER, data: { card_number: CARD } } })
  const done = await http(backend, "POST", `/store/carts/${cart.id}/complete`, { pk, body: {} })
  if (done.type !== "order") throw new Error(`cart not completed: ${JSON.stringify(done).slice(0, 300)}`)
  return done.order.id
}
