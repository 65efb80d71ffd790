// Browser test of the merchant dashboard (issue 22), in Debian's Chromium via playwright-core:
// the goods merchant (Snail Goods) signs in → Home shows the onboarding checklist and an order to
// ship → starts fulfilment (the capture shown first) → ships with carrier and tracking → refunds part
// of the line (the refund and the change to its net shown before confirming) → invites a fulfilment
// member, who signs up through the invite link, sees the order without a refund button, and whose
// refund through the API is refused (403 MERCHANT_ROLE_FORBIDDEN) → Settings: the owner completes the
// legal address and sets the payout account (a mistyped IBAN is refused in words first) → the services
// merchant (Desert Wellness) moves a buyer's haircut to another time from the booking's detail.
import { adminToken, http, placeRubOrder, regionWithSandbox, SANDBOX_PROVIDER } from "./api.mjs"
import { expectAttribute, openBrowser, poll, STEP_TIMEOUT, stepFailure, trimSlash, waitEnabled } from "./browser.mjs"

const OWNER = { email: "owner@snail-goods.local", password: "merchant-pass-123" }
const PHYSICAL_HANDLE = "snail-shell-mug" // Snail Goods
const SERVICES_OWNER = { email: "owner@desert-wellness.local", password: "merchant-pass-123" }
const SERVICE_HANDLE = "haircut-and-styling" // Desert Wellness: reschedule until 12 h before, at most twice
const HOUR = 3_600_000

/** A guest books Desert Wellness's haircut (EUR, sandbox card) at its first slot more than a day ahead. */
async function placeServiceBooking(backend) {
  const token = await adminToken(backend)
  const europe = await regionWithSandbox(backend, "eur")
  const { api_keys } = await http(backend, "GET", "/admin/api-keys?type=publishable", { token })
  const store = { "x-publishable-api-key": api_keys[0].token }
  const { products } = await http(backend, "GET", `/store/products?handle=${SERVICE_HANDLE}&region_id=${europe.id}`, { headers: store })
  const from = new Date(Date.now() + 24 * HOUR)
  const { slots } = await http(backend, "GET", `/store/products/${products[0].id}/slots?from=${from.toISOString()}&to=${new Date(from.getTime() + 14 * 24 * HOUR).toISOString()}`, { headers: store })
  if (!slots?.length) throw new Error("the haircut offers no slot in the next two weeks")
  const { cart } = await http(backend, "POST", "/store/carts", { headers: store, body: { region_id: europe.id, email: `cut-${Date.now().toString(36)}@e2e.local` } })
  await http(backend, "POST", `/store/carts/${cart.id}/line-items`, { headers: store, body: { variant_id: products[0].variants[0].id, quantity: 1, metadata: { slot_start: slots[0].start_at } } })
  const { payment_collection } = await http(backend, "POST", "/store/payment-collections", { headers: store, body: { cart_id: cart.id } })
  await http(backend, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    headers: store, body: { provider_id: SANDBOX_PROVIDER, data: { card_number: "4242424242424242" } },
  })
  const placed = await http(backend, "POST", `/store/carts/${cart.id}/complete`, { headers: store })
  if (placed.type !== "order") throw new Error(`the haircut cart did not complete: ${JSON.stringify(placed).slice(0, 300)}`)
  return { order: placed.order, slotStart: slots[0].start_at }
}

/** A buyer orders two Snail Goods mugs in roubles, shipped to Moscow, paid with the sandbox card. */
const placeGoodsOrder = (backend) =>
  placeRubOrder(backend, {
    handle: PHYSICAL_HANDLE, quantity: 2, email: `dash-${Date.now().toString(36)}@e2e.local`,
    address: { first_name: "Olga", last_name: "Buyer", address_1: "Arbat 10", postal_code: "119002" },
  })

async function signIn(page, base, { email, password }) {
  await page.goto(`${base}/merchant/login`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 2 })
  await page.locator('[data-testid="merchant-login-email"]').fill(email)
  await page.locator('[data-testid="merchant-login-password"]').fill(password)
  await waitEnabled(page.locator('[data-testid="merchant-login-submit"]'))
  await page.locator('[data-testid="merchant-login-submit"]').click()
  await page.locator('[data-testid="dash-sidebar"]').waitFor()
}

/** Confirms the open move after checking the money effect the dashboard shows for it. */
async function confirmWithEffect(page, expected) {
  const effect = page.locator('[data-testid="line-effect"]')
  await effect.waitFor()
  for (const [attr, value] of Object.entries(expected)) await expectAttribute(effect, `data-${attr}`, String(value))
  await waitEnabled(page.locator('[data-testid="line-confirm-submit"]'))
  await page.locator('[data-testid="line-confirm-submit"]').click()
  await page.locator('[data-testid="line-confirm"]').waitFor({ state: "detached" })
}

/** @param {{ storefrontUrl: string, backendUrl: string, executablePath?: string, headless?: boolean, shots?: string }} opts */
export async function run({ storefrontUrl, backendUrl, executablePath, headless, shots }) {
  const base = trimSlash(storefrontUrl)
  const backend = trimSlash(backendUrl)
  const { browser, page, consoleErrors } = await openBrowser({ executablePath, headless })
  const shot = async (name) => shots && page.screenshot({ path: `${shots}/dashboard-${name}.png`, fullPage: true })
  let step = "place a goods order (API)"
  try {
    const order = await placeGoodsOrder(backend)

    step = "owner signs in: Home shows the checklist and an order to ship"
    await signIn(page, base, OWNER)
    const checklist = page.locator('[data-testid="home-checklist"]')
    await checklist.waitFor()
    // Snail Goods has products (done); its checklist is shown while any step is still to do.
    await expectAttribute(page.locator('[data-testid="home-check-first_product"]'), "data-done", "true")
    const open = await page.locator('[data-testid^="home-check-"][data-done="false"]').count()
    if (open === 0) throw new Error("the checklist is shown although every step is done")
    await poll(async () => {
      const n = Number(await page.locator('[data-testid="home-todo-orders_to_ship"]').getAttribute("data-count"))
      return { ok: n >= 1, actual: n }
    }, "orders to ship")
    await shot("home")

    step = "Orders: the new order is listed to ship"
    await page.locator('[data-testid="home-todo-orders_to_ship"]').click()
    await page.waitForURL("**/merchant/orders?state=to_ship")
    const row = page.locator(`[data-testid="orders-line-row"][data-order-id="${order.id}"]`)
    await expectAttribute(row, "data-state", "PAID")
    await row.locator('[data-testid="orders-line-link"]').click()
    await page.locator(`[data-testid="order-detail"][data-order-id="${order.id}"]`).waitFor()
    await page.locator('[data-testid="order-address"]').waitFor()
    const line = page.locator('[data-testid="order-line-body"]').first()
    const lineId = await line.getAttribute("data-line-id")

    step = "start fulfilment: the capture is shown before confirming"
    await line.locator('[data-testid="line-move-FULFILLING"]').click()
    const effect = page.locator('[data-testid="line-effect"]')
    await effect.waitFor()
    const captured = Number(await effect.getAttribute("data-captured"))
    if (!(captured > 0)) throw new Error(`expected a capture to be shown, got ${captured}`)
    await shot("fulfil-effect")
    await confirmWithEffect(page, { captured })
    await expectAttribute(line, "data-state", "FULFILLING")

    step = "ship with carrier and tracking"
    const tracking = `RU${Date.now()}`
    await line.locator('[data-testid="line-move-SHIPPED"]').click()
    await page.locator('[data-testid="line-carrier"]').fill("Russian Post")
    await page.locator('[data-testid="line-tracking"]').fill(tracking)
    await confirmWithEffect(page, { captured: 0, refunded: 0 })
    await expectAttribute(line, "data-state", "SHIPPED")
    await page.locator('[data-testid="order-line-tracking"]', { hasText: tracking }).waitFor()

    step = "refund part of the line: the refund and the net change are shown first"
    await line.locator('[data-testid="line-refund"]').click()
    await page.locator('[data-testid="line-refund-amount"]').fill("100")
    await page.locator('[data-testid="line-refund-reason"]').fill("A chipped handle")
    await effect.waitFor()
    await expectAttribute(effect, "data-refunded", "10000")
    const net = Number(await effect.getAttribute("data-net"))
    if (!(net < 0 && net > -10000)) throw new Error(`the merchant's net change should be a part of -100.00 RUB, got ${net}`)
    await shot("refund-effect")
    await confirmWithEffect(page, { refunded: 10000 })
    await page.locator('[data-testid="order-line-refunded"]').waitFor()

    step = "packing slip"
    await page.locator('[data-testid="order-slip-link"]').click()
    await page.locator('[data-testid="packing-slip-item"]').first().waitFor()
    await shot("packing-slip")

    step = "Team: invite a fulfilment member"
    await page.locator('[data-testid="dash-nav-team"]').click()
    const packerEmail = `packer-${Date.now().toString(36)}@snail-goods.local`
    await page.locator('[data-testid="team-invite-email"]').fill(packerEmail)
    await page.locator('[data-testid="team-invite-role"]').selectOption("FULFILMENT")
    await page.locator('[data-testid="team-invite-submit"]').click()
    const link = await page.locator('[data-testid="team-invite-sent"]').getAttribute("data-link")
    await shot("team")

    step = "the fulfilment member joins through the link"
    const packer = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const packerPage = await packer.newPage()
    packerPage.setDefaultTimeout(STEP_TIMEOUT)
    await packerPage.goto(link, { waitUntil: "domcontentloaded" })
    await packerPage.locator('[data-testid="merchant-accept-email"]').fill(packerEmail)
    await packerPage.locator('[data-testid="merchant-accept-password"]').fill("packer-pass-123")
    await waitEnabled(packerPage.locator('[data-testid="merchant-accept-submit"]'))
    await packerPage.locator('[data-testid="merchant-accept-submit"]').click()
    await expectAttribute(packerPage.locator('[data-testid="dash-signed-in"]'), "data-role", "FULFILMENT")
    // No Money section for fulfilment.
    if (await packerPage.locator('[data-testid="merchant-nav-money"]').count()) throw new Error("fulfilment sees the Money section")

    step = "fulfilment sees the order but no refund, and the server refuses one"
    await packerPage.goto(`${base}/merchant/orders/${order.id}`, { waitUntil: "domcontentloaded" })
    await packerPage.locator(`[data-testid="order-line-body"][data-line-id="${lineId}"]`).waitFor()
    await packerPage.locator('[data-testid="line-actions"]').first().waitFor()
    if (await packerPage.locator('[data-testid="line-refund"]').count()) throw new Error("fulfilment is offered a refund")
    await packerPage.screenshot({ path: shots ? `${shots}/dashboard-fulfilment-order.png` : "/dev/null", fullPage: true }).catch(() => undefined)
    const { token } = await http(backend, "POST", "/auth/merchant/emailpass", { body: { email: packerEmail, password: "packer-pass-123" } })
    const refused = await fetch(`${backend}/merchant/orders/${order.id}/lines/${lineId}/refunds`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ amount: 1, reason: "not mine to give" }),
    })
    const body = await refused.json().catch(() => ({}))
    if (refused.status !== 403 || body.code !== "MERCHANT_ROLE_FORBIDDEN") throw new Error(`fulfilment refund: expected 403 MERCHANT_ROLE_FORBIDDEN, got ${refused.status} ${JSON.stringify(body)}`)
    await packer.close()

    step = "Settings: the owner completes the legal address"
    await page.locator('[data-testid="dash-nav-settings"]').click()
    await page.locator('[data-testid="settings-legal"]').waitFor()
    const address = "Arbat 10, 119002 Moscow, Russia"
    await page.locator('[data-testid="settings-legal_address"]').fill(address)
    await waitEnabled(page.locator('[data-testid="settings-legal-save"]'))
    await page.locator('[data-testid="settings-legal-save"]').click()
    await page.locator('[data-testid="settings-legal-saved"]').waitFor()

    step = "Settings: a mistyped IBAN is refused in words, the right one is saved and shown masked"
    await page.locator('[data-testid="settings-account_holder"]').fill("Snail Goods LLC")
    await page.locator('[data-testid="settings-iban"]').fill("DE88 3704 0044 0532 0130 00")
    await waitEnabled(page.locator('[data-testid="settings-payout-save"]'))
    await page.locator('[data-testid="settings-payout-save"]').click()
    const payoutError = page.locator('[data-testid="settings-payout-error"]')
    await expectAttribute(payoutError, "data-code", "INVALID_IBAN")
    const words = await payoutError.innerText()
    if (/INVALID_IBAN|DE88/.test(words)) throw new Error(`the IBAN refusal shows a code or echoes the input: ${words}`)
    await shot("settings-iban-refused")
    await page.locator('[data-testid="settings-iban"]').fill("DE89 3704 0044 0532 0130 00")
    await page.locator('[data-testid="settings-payout-save"]').click()
    await page.locator('[data-testid="settings-payout-saved"]').waitFor()
    // The shop had an account already (the seed's): wait for the new one, shown masked.
    const current = page.locator('[data-testid="settings-payout-current"]')
    await poll(async () => {
      const shown = await current.innerText()
      return { ok: shown.includes("3000") && !shown.replace(/\s/g, "").includes("DE89370400440532013000"), actual: shown }
    }, "the new payout account, masked")
    await page.locator('[data-testid="settings-shipping"]').waitFor()
    await shot("settings")
    const me = await http(backend, "GET", "/merchant/me", { token: (await http(backend, "POST", "/auth/merchant/emailpass", { body: OWNER })).token })
    if (me.merchant.legal_address !== address) throw new Error(`legal address not saved: ${me.merchant.legal_address}`)

    step = "Settings: the member's sign-ins — this browser marked; 'sign out of all other devices' ends an API sign-in"
    const elsewhere = (await http(backend, "POST", "/auth/merchant/emailpass", { body: OWNER })).token
    await page.reload({ waitUntil: "domcontentloaded" })
    const sessions = page.locator('[data-testid="settings-sessions"]')
    await sessions.locator('[data-testid="settings-session"][data-current="true"] [data-testid="settings-session-current"]').waitFor()
    await poll(async () => {
      const n = await sessions.locator('[data-testid="settings-session"][data-current="false"]').count()
      return { ok: n >= 1, actual: n }
    }, "the API sign-in listed beside this browser")
    await page.locator('[data-testid="settings-telegram-connect"]').waitFor()
    await shot("settings-sessions")
    await page.locator('[data-testid="settings-sessions-others"]').click()
    await poll(async () => {
      const n = await sessions.locator('[data-testid="settings-session"]').count()
      return { ok: n === 1, actual: n }
    }, "only this browser left")
    const ended = await fetch(`${backend}/merchant/me`, { headers: { authorization: `Bearer ${elsewhere}` } })
    if (ended.status !== 401) throw new Error(`the signed-out API session still answers ${ended.status}`)
    await sessions.locator('[data-testid="settings-session"][data-current="true"]').waitFor()

    step = "Home: the legal profile and payout steps are done"
    await page.locator('[data-testid="dash-nav-home"]').click()
    await page.locator('[data-testid="home-todos"]').waitFor()
    for (const key of ["legal_profile", "payout_method"]) {
      const item = page.locator(`[data-testid="home-check-${key}"]`)
      if (await item.count()) await expectAttribute(item, "data-done", "true")
    }
    await shot("home-after-settings")

    step = "Money: the statement names the order by its number and links to it"
    await page.locator('[data-testid="merchant-nav-money"]').click()
    const orderLink = page.locator(`[data-testid="money-statement-order"][data-display-id="${order.display_id}"]`).first()
    await orderLink.waitFor()
    const linkText = await orderLink.innerText()
    if (!linkText.includes(String(order.display_id)) || linkText.includes(order.id)) throw new Error(`statement order link reads: ${linkText}`)
    await shot("money")

    step = "a buyer books the haircut (API)"
    const { order: haircut, slotStart } = await placeServiceBooking(backend)
    const wellnessToken = (await http(backend, "POST", "/auth/merchant/emailpass", { body: SERVICES_OWNER })).token
    const range = `from=${new Date(Date.now() - HOUR).toISOString()}&to=${new Date(Date.now() + 20 * 24 * HOUR).toISOString()}`
    let bookingId = null
    await poll(async () => {
      const { bookings } = await http(backend, "GET", `/merchant/bookings?${range}`, { token: wellnessToken })
      const b = bookings.find((x) => x.order_id === haircut.id)
      if (b?.reschedule?.allowed === true) bookingId = b.id
      return { ok: !!bookingId, actual: b ?? null }
    }, "the haircut booking, reschedulable")

    step = "Desert Wellness opens the booking in its calendar and moves it to another time"
    const wellness = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const wellnessPage = await wellness.newPage()
    wellnessPage.setDefaultTimeout(STEP_TIMEOUT)
    await signIn(wellnessPage, base, SERVICES_OWNER)
    await wellnessPage.goto(`${base}/merchant/bookings`, { waitUntil: "domcontentloaded" })
    const card = wellnessPage.locator(`[data-testid="merchant-booking"][data-booking-id="${bookingId}"]`)
    await wellnessPage.locator('[data-testid="week-day"]').first().waitFor()
    for (let week = 0; week < 3 && !(await card.count()); week++) {
      await wellnessPage.locator('[data-testid="week-next"]').click()
      await wellnessPage.waitForTimeout(500)
      await wellnessPage.locator('[data-testid="week-day"]').first().waitFor()
    }
    await card.locator('[data-testid="booking-open"]').click()
    const detail = wellnessPage.locator('[data-testid="booking-detail"]')
    await expectAttribute(detail.locator('[data-testid="booking-detail-time"]'), "data-start", slotStart)
    await detail.locator('[data-testid="booking-detail-policy"]').waitFor()
    const choice = detail.locator('[data-testid="booking-move-slot"]').first()
    await choice.waitFor()
    const newStart = await choice.getAttribute("data-start")
    if (!newStart || newStart === slotStart) throw new Error(`the picker offers the booking's own slot: ${newStart}`)
    await choice.click()
    await expectAttribute(choice, "aria-pressed", "true")
    await wellnessPage.screenshot({ path: shots ? `${shots}/dashboard-bookings-reschedule.png` : "/dev/null", fullPage: true }).catch(() => undefined)
    await waitEnabled(detail.locator('[data-testid="booking-move-confirm"]'))
    await detail.locator('[data-testid="booking-move-confirm"]').click()
    await expectAttribute(wellnessPage.locator('[data-testid="booking-moved"]'), "data-start", newStart)
    await wellnessPage.screenshot({ path: shots ? `${shots}/dashboard-bookings-moved.png` : "/dev/null", fullPage: true }).catch(() => undefined)
    const after = (await http(backend, "GET", `/merchant/bookings?${range}`, { token: wellnessToken })).bookings.filter((x) => x.order_id === haircut.id && x.status === "BOOKED")
    if (after.length !== 1 || after[0].start_at !== newStart || after[0].reschedule_count !== 1) {
      throw new Error(`after the move the order should have one booking at ${newStart}, got ${JSON.stringify(after.map((b) => [b.start_at, b.reschedule_count]))}`)
    }
    await wellness.close()
    return { orderId: order.id, displayId: order.display_id, tracking, net, movedBooking: after[0].id }
  } catch (err) {
    throw await stepFailure({ test: "dashboard", page, step, err, consoleErrors })
  } finally {
    await browser.close()
  }
}
