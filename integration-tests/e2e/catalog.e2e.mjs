// Browser test of the merchant dashboard's catalogue (issue 22 §2, §3), one demo merchant per kind:
//   goods    (Snail Goods):     a physical product with EUR + RUB + AED prices and stock, published;
//            a buyer puts it in the cart in the Europe region, then in the UAE region;
//   services (Desert Wellness): a slots service whose weekly hours are painted on the grid, previewed,
//            saved (the server writes the rule), then published;
//   courses  (Slow Academy):    a course refused publishing without lessons (the reason in words),
//            a text lesson added, then published;
//   then a buyer buys all three (the lamp, the massage's first slot, the course) in one Europe-region order.
// Screenshots of each stage go to .logs/ (not committed).
import { mkdir } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { adminToken, http, regionWithSandbox } from "./api.mjs"
import { expectAttribute, expectText, openBrowser, STEP_TIMEOUT, stepFailure, trimSlash, waitCount, waitEnabled } from "./browser.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))
const SHOTS = path.resolve(here, "../../.logs")
const PASSWORD = "merchant-pass-123"
const GOODS = "owner@snail-goods.local"
const SERVICES = "owner@desert-wellness.local"
const COURSES = "owner@slow-academy.local"

export async function run({ storefrontUrl, backendUrl, executablePath, headless }) {
  const base = trimSlash(storefrontUrl)
  const backend = trimSlash(backendUrl)
  await mkdir(SHOTS, { recursive: true })
  const { browser, page, consoleErrors } = await openBrowser({ executablePath, headless })
  const shot = (name) => page.screenshot({ path: path.join(SHOTS, `e2e-catalog-${name}.png`), fullPage: true })
  const stamp = Date.now().toString(36)
  let step = "start"
  const figures = {}

  async function signIn(email) {
    await page.context().clearCookies()
    await page.goto(`${base}/merchant/login`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 2 })
    await page.evaluate(() => localStorage.clear())
    await page.goto(`${base}/merchant/login`, { waitUntil: "domcontentloaded" })
    await page.locator('[data-testid="merchant-login-email"]').fill(email)
    await page.locator('[data-testid="merchant-login-password"]').fill(PASSWORD)
    await page.locator('[data-testid="merchant-login-submit"]').click()
    await page.locator('[data-testid="dash-nav-products"]').click()
    await page.locator('[data-testid="catalog-list"]').waitFor()
  }

  async function newProduct({ title, kind, prices, stock, mode }) {
    await page.locator('[data-testid="catalog-new"]').click()
    await page.locator('[data-testid="catalog-new-title"]').fill(title)
    await page.locator('[data-testid="catalog-new-kind"]').selectOption(kind)
    if (mode) await page.locator('[data-testid="catalog-new-mode"]').selectOption(mode)
    for (const [currency, amount] of Object.entries(prices)) await page.locator(`[data-testid="catalog-new-price-${currency}"]`).fill(amount)
    if (stock !== undefined) await page.locator('[data-testid="catalog-new-stock"]').fill(String(stock))
    await page.locator('[data-testid="catalog-new-submit"]').click()
    await Promise.race([
      page.locator('[data-testid="catalog-editor"]').waitFor(),
      page.locator('[data-testid="catalog-new-error"]').waitFor().then(async () => {
        throw new Error(`product not created: ${await page.locator('[data-testid="catalog-new-error"]').innerText()}`)
      }),
    ])
    return page.locator('[data-testid="catalog-editor"]').getAttribute("data-product-id")
  }

  try {
    // ── goods ───────────────────────────────────────────────────────────────
    step = "goods: sign in as Snail Goods"
    await signIn(GOODS)
    step = "goods: create a lamp with EUR, RUB and AED prices and 4 in stock, published"
    const lampTitle = `E2E Lamp ${stamp}`
    await newProduct({ title: lampTitle, kind: "PHYSICAL", prices: { eur: "30", rub: "2900", aed: "120" }, stock: 4 })
    await expectAttribute(page.locator('[data-testid="catalog-editor"]'), "data-status", "published")
    await page.locator('[data-testid="catalog-ready"]').waitFor()
    const stock = await page.locator('[data-testid="catalog-variant-stock"]').inputValue()
    if (stock !== "4") throw new Error(`editor shows stock ${stock}, expected 4`)
    await shot("goods-editor")

    step = "goods: the list finds it by search"
    await page.locator('[data-testid="dash-nav-products"]').click()
    await page.locator('[data-testid="catalog-search"]').fill(lampTitle)
    const row = page.locator('[data-testid="merchant-product-row"]', { hasText: lampTitle })
    await row.waitFor()
    await waitCount(page.locator('[data-testid="merchant-product-row"]'), 1)
    const handle = await row.getAttribute("data-handle")
    await shot("goods-list")

    for (const currency of ["eur", "aed"]) {
      step = `buyer: add the lamp to the cart in the ${currency.toUpperCase()} region`
      const region = await regionWithSandbox(backend, currency)
      await page.goto(`${base}/en/products/${handle}`, { waitUntil: "domcontentloaded" })
      await page.locator('header[data-ready="true"]').waitFor()
      await page.locator('[data-testid="region-select"]').selectOption(region.id)
      await page.waitForLoadState("domcontentloaded")
      await page.locator('header[data-ready="true"]').waitFor()
      const add = page.locator('[data-testid="add-to-cart"]')
      await waitEnabled(add, `add-to-cart stayed disabled in ${currency.toUpperCase()}`)
      await add.click()
      await page.locator('[data-testid="add-to-cart-status"] .success').waitFor()
      await page.goto(`${base}/cart`, { waitUntil: "domcontentloaded" })
      const line = page.locator('[data-testid="cart-item"], [data-testid="cart-line"]', { hasText: lampTitle })
      await line.first().waitFor()
      figures[currency] = (await line.first().innerText()).replace(/\s+/g, " ").slice(0, 120)
      await shot(`buyer-cart-${currency}`)
    }

    // ── services ────────────────────────────────────────────────────────────
    step = "services: sign in as Desert Wellness"
    await signIn(SERVICES)
    step = "services: create a slots service (a draft until it has a schedule)"
    const massageId = await newProduct({ title: `E2E Massage ${stamp}`, kind: "SERVICE", mode: "slots", prices: { eur: "50", aed: "200" } })
    await expectAttribute(page.locator('[data-testid="catalog-editor"]'), "data-status", "draft")
    await page.locator('[data-testid="catalog-problems"] [data-reason="SERVICE_WITHOUT_SCHEDULE"]').waitFor()

    step = "services: paint Monday and Wednesday 09:00–11:00 on the grid, 60-minute slots"
    const schedule = page.locator('[data-testid="catalog-schedule"]')
    await schedule.locator('[data-testid="sched-zone"]').selectOption("Asia/Dubai")
    for (const day of ["MO", "WE"]) for (const cell of ["0900", "0930", "1000", "1030"]) await schedule.locator(`[data-testid="sched-cell-${day}-${cell}"]`).click()
    await schedule.locator('[data-testid="sched-slot"]').fill("60")
    await schedule.locator('[data-testid="sched-notice"]').fill("0")
    await schedule.locator('[data-testid="sched-fee-percent"]').fill("25")
    const previewSlots = schedule.locator('[data-testid="sched-preview-slot"]')
    await previewSlots.first().waitFor()
    const starts = await previewSlots.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-start")))
    // Dubai is UTC+4: 09:00 and 10:00 local are 05:00 and 06:00 UTC.
    const times = [...new Set(starts.map((s) => s.slice(11, 16)))].sort()
    if (times.join(",") !== "05:00,06:00") throw new Error(`preview starts at ${times.join(", ")} UTC, expected 05:00 and 06:00`)
    await shot("services-schedule")
    await schedule.locator('[data-testid="sched-save"]').click()
    await schedule.locator('[data-testid="sched-saved"]').waitFor()
    step = "services: publish"
    await page.locator('[data-testid="catalog-ready"]').waitFor()
    await page.locator('[data-testid="catalog-publish"]').click()
    await expectAttribute(page.locator('[data-testid="catalog-editor"]'), "data-status", "published")
    figures.slots = starts.length
    await shot("services-published")

    // ── courses ─────────────────────────────────────────────────────────────
    step = "courses: sign in as Slow Academy"
    await signIn(COURSES)
    step = "courses: create a course; publishing is refused without lessons, with the reason"
    const courseId = await newProduct({ title: `E2E Course ${stamp}`, kind: "COURSE", prices: { eur: "40", rub: "3900", aed: "160" } })
    await page.locator('[data-testid="catalog-publish"]').click()
    const refused = await page.locator('[data-testid="catalog-publish-refused"]').innerText()
    if (/[A-Z]{2,}_[A-Z_]+/.test(refused)) throw new Error(`the refusal shows a code: ${refused}`)
    await shot("courses-refused")
    step = "courses: add a text lesson, then publish"
    const course = page.locator('[data-testid="catalog-course"]')
    await course.locator('[data-testid="catalog-lesson-title"]').fill("Why slow")
    await course.locator('[data-testid="catalog-lesson-kind"]').selectOption("text")
    await course.locator('[data-testid="catalog-lesson-text"]').fill("Snails are never late.")
    await course.locator('[data-testid="catalog-lesson-minutes"]').fill("3")
    await course.locator('[data-testid="catalog-lesson-add"]').click()
    await course.locator('[data-testid="catalog-lesson"]', { hasText: "Why slow" }).waitFor()
    await page.locator('[data-testid="catalog-ready"]').waitFor()
    await page.locator('[data-testid="catalog-publish"]').click()
    await expectAttribute(page.locator('[data-testid="catalog-editor"]'), "data-status", "published")
    await shot("courses-published")

    // ── a buyer buys all three in one order (issue 22: "create and sell a product of each kind end to end") ──
    step = "buyer: in the Europe region, the lamp, the new massage's first slot and the new course go into one cart"
    // (The merchants' sign-ins above cleared this browser's storage, the buyer's cart with it.)
    const europe = await regionWithSandbox(backend, "eur")
    const handles = await handlesOf(backend, [massageId, courseId])
    await page.goto(`${base}/en/products/${handle}`, { waitUntil: "domcontentloaded" })
    await page.locator('header[data-ready="true"]').waitFor()
    await page.locator('[data-testid="region-select"]').selectOption(europe.id)
    await page.waitForLoadState("domcontentloaded")
    await page.locator('header[data-ready="true"]').waitFor()
    const addLamp = page.locator('[data-testid="add-to-cart"]')
    await waitEnabled(addLamp)
    await addLamp.click()
    await page.locator('[data-testid="add-to-cart-status"] .success').waitFor()
    await page.goto(`${base}/en/products/${handles[massageId]}`, { waitUntil: "domcontentloaded" })
    const picker = page.locator('[data-testid="slot-picker"]')
    await picker.locator('[data-testid="slot"]').first().click()
    const addService = page.locator('[data-testid="add-to-cart"]')
    await waitEnabled(addService, "add-to-cart stayed disabled after picking a slot")
    await addService.click()
    await page.locator('[data-testid="add-to-cart-status"] .success').waitFor()
    await page.goto(`${base}/en/products/${handles[courseId]}`, { waitUntil: "domcontentloaded" })
    const addCourse = page.locator('[data-testid="add-to-cart"]')
    await waitEnabled(addCourse)
    await addCourse.click()
    await page.locator('[data-testid="add-to-cart-status"] .success').waitFor()

    step = "buyer: checkout (address, delivery for the lamp), pay with the sandbox card"
    await page.goto(`${base}/checkout`, { waitUntil: "domcontentloaded" })
    await page.locator('[data-testid="checkout"]').waitFor()
    await waitCount(page.locator('[data-testid="checkout-item"]'), 3)
    await page.locator('[data-testid="checkout-email"]').fill(`catalog-buyer-${stamp}@e2e.local`)
    await page.locator('[data-testid="checkout-first-name"]').fill("Cat")
    await page.locator('[data-testid="checkout-last-name"]').fill("Buyer")
    await page.locator('[data-testid="checkout-address-1"]').fill("Unter den Linden 1")
    await page.locator('[data-testid="checkout-postal-code"]').fill("10117")
    await page.locator('[data-testid="checkout-city"]').fill("Berlin")
    await page.locator('[data-testid="checkout-country"]').selectOption("de")
    await page.locator('[data-testid="checkout-save-address"]').click()
    await page.locator('[data-testid="checkout-address-saved"]').waitFor()
    await page.locator('[data-testid="checkout-shipping-option"] input').first().click()
    await page.locator('[data-testid="total-shippingTotal"]').waitFor()
    await page.locator('[data-testid="checkout-card-number"]').fill("4242424242424242")
    const place = page.locator('[data-testid="checkout-place-order"]')
    await waitEnabled(place)
    await place.click()

    step = "buyer: the confirmation shows the three new products, each line on its way (paid lamp, confirmed booking with its time, course access)"
    await page.waitForURL(/\/orders\/order_[^/?]+/, { timeout: STEP_TIMEOUT * 2 })
    await page.locator('[data-testid="order-placed"]').waitFor()
    const orderId = new URL(page.url()).pathname.split("/").pop()
    // A guest on the order's signed link sees its lines as the buyer does.
    const lineOf = (kind) => page.locator(`[data-testid="order-line"][data-kind="${kind}"]`)
    await expectAttribute(lineOf("PHYSICAL"), "data-state", "PAID")
    await expectAttribute(lineOf("SERVICE"), "data-state", "CONFIRMED")
    await expectAttribute(lineOf("COURSE"), "data-state", "ACCESS_GRANTED")
    await lineOf("SERVICE").locator('[data-testid="order-line-booking"]').waitFor()
    for (const [kind, title] of [["PHYSICAL", lampTitle], ["SERVICE", `E2E Massage ${stamp}`], ["COURSE", `E2E Course ${stamp}`]]) {
      await expectText(lineOf(kind).locator('[data-testid="order-line-title"]'), title)
    }
    // The signed link lets the guest make the buyer's own moves (issue 21 §4): cancel the paid lamp; the booking is
    // cancelled from its card, where the fee is shown first, never by a bare button.
    await lineOf("PHYSICAL").locator('[data-testid="order-line-action-cancel"]').waitFor()
    if (await lineOf("SERVICE").locator('[data-testid="order-line-action-cancel"]').count()) throw new Error("the guest is offered a fee-blind cancel of the booking")
    figures.order = orderId
    await shot("buyer-order")
    return { ...figures, refused }
  } catch (err) {
    throw await stepFailure({ test: "catalog", page, step, err, consoleErrors })
  } finally {
    await browser.close()
  }
}

/** The store handles of products the dashboard created (by id, through the admin API). */
async function handlesOf(backend, ids) {
  const { products } = await http(backend, "GET", `/admin/products?${ids.map((id) => `id[]=${id}`).join("&")}&fields=id,handle`, { token: await adminToken(backend) })
  return Object.fromEntries(products.map((p) => [p.id, p.handle]))
}
