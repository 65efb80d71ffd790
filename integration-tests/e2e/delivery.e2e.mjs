// Browser test of the merchant's Delivery page and the schedule editor's exceptions (issue 22 §3):
// the goods merchant (Snail Goods) adds a delivery zone for a country it does not send to yet, adds
// an option priced in every currency the zone's buyers pay in, and a buyer in that country is offered
// it (store API); the price is changed, then the option and the zone are deleted (each confirmed in
// words) and the buyer is no longer offered it. The services merchant (Desert Wellness) gives its
// portrait session a day off, closed hours on another day and a one-off extra slot on a day without
// hours, saves, and a buyer then sees those days without slots and books the extra slot (store API).
import { adminToken, http } from "./api.mjs"
import { expectAttribute, openBrowser, poll, STEP_TIMEOUT, stepFailure, trimSlash, waitEnabled } from "./browser.mjs"

const PASSWORD = "merchant-pass-123"
const GOODS = "owner@snail-goods.local"
const SERVICES = "owner@desert-wellness.local"
const MUG = "snail-shell-mug" // Snail Goods
const PORTRAIT = "portrait-photo-session" // Desert Wellness, Fridays and Saturdays 11:00 and 15:00 (Dubai)
const DAY = 24 * 3_600_000

async function signIn(page, base, email) {
  await page.evaluate(() => localStorage.clear()).catch(() => undefined)
  await page.goto(`${base}/merchant/login`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 2 })
  await page.locator('[data-testid="merchant-login-email"]').fill(email)
  await page.locator('[data-testid="merchant-login-password"]').fill(PASSWORD)
  await waitEnabled(page.locator('[data-testid="merchant-login-submit"]'))
  await page.locator('[data-testid="merchant-login-submit"]').click()
  await page.locator('[data-testid="dash-sidebar"]').waitFor()
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) of an instant in `timeZone`. */
function local(iso, timeZone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .formatToParts(new Date(iso)).map((p) => [p.type, p.value]))
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` }
}

/** @param {{ storefrontUrl: string, backendUrl: string, executablePath?: string, headless?: boolean, shots?: string }} opts */
export async function run({ storefrontUrl, backendUrl, executablePath, headless, shots }) {
  const base = trimSlash(storefrontUrl)
  const backend = trimSlash(backendUrl)
  const { browser, page, consoleErrors } = await openBrowser({ executablePath, headless, viewport: { width: 1280, height: 1000 } })
  const stamp = Date.now().toString(36)
  let step = "store API key"
  try {
    const { api_keys } = await http(backend, "GET", "/admin/api-keys?type=publishable", { token: await adminToken(backend) })
    const store = { "x-publishable-api-key": api_keys[0].token }
    const { regions } = await http(backend, "GET", "/store/regions?fields=id,currency_code,*countries", { headers: store })

    /** What a buyer in `country` with a mug in the cart is offered for delivery (name → amount). */
    async function offeredTo(country) {
      const region = regions.find((r) => r.countries.some((c) => c.iso_2 === country))
      const { products } = await http(backend, "GET", `/store/products?handle=${MUG}&region_id=${region.id}`, { headers: store })
      const { cart } = await http(backend, "POST", "/store/carts", { headers: store, body: { region_id: region.id, email: `ship-${stamp}@e2e.local` } })
      await http(backend, "POST", `/store/carts/${cart.id}/line-items`, { headers: store, body: { variant_id: products[0].variants[0].id, quantity: 1 } })
      await http(backend, "POST", `/store/carts/${cart.id}`, { headers: store, body: { shipping_address: { first_name: "Ann", last_name: "Buyer", address_1: "Main 1", city: "Town", postal_code: "10001", country_code: country } } })
      const { shipping_options } = await http(backend, "GET", `/store/shipping-options?cart_id=${cart.id}`, { headers: store })
      return { currency: region.currency_code, options: Object.fromEntries(shipping_options.map((o) => [o.name, Number(o.amount)])) }
    }

    step = "Delivery: the goods merchant adds a zone for a country not yet served"
    await signIn(page, base, GOODS)
    await page.locator('[data-testid="dash-nav-shipping"]').click()
    await page.locator('[data-testid="dash-shipping"]').waitFor()
    await page.locator('[data-testid="ship-zone-add"]').click()
    const zoneName = `E2E zone ${stamp}`
    await page.locator('[data-testid="ship-zone-name"]').fill(zoneName)
    const free = page.locator('[data-testid^="ship-country-"]:not([disabled])')
    await free.first().waitFor()
    const country = ((await free.first().getAttribute("data-testid")) ?? "").replace("ship-country-", "")
    if (!country) throw new Error("no country left that the shop does not deliver to")
    await free.first().check()
    await waitEnabled(page.locator('[data-testid="ship-zone-save"]'))
    await page.locator('[data-testid="ship-zone-save"]').click()
    const zone = page.locator('[data-testid="ship-zone"]', { hasText: zoneName })
    await zone.locator('[data-testid="ship-zone-no-options"]').waitFor()
    await zone.locator(`[data-testid="ship-zone-countries"] [data-country="${country}"]`).waitFor()

    step = `an option priced in every currency of the zone (${country})`
    await zone.locator('[data-testid="ship-option-add"]').click()
    const optionName = `E2E courier ${stamp}`
    await zone.locator('[data-testid="ship-option-name"]').fill(optionName)
    const priceInputs = zone.locator('[data-testid^="ship-price-"]')
    const currencies = await priceInputs.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid").replace("ship-price-", "")))
    if (!currencies.length) throw new Error("the option form asks for no price")
    for (const c of currencies) await zone.locator(`[data-testid="ship-price-${c}"]`).fill("7.50")
    await waitEnabled(zone.locator('[data-testid="ship-option-save"]'))
    await zone.locator('[data-testid="ship-option-save"]').click()
    const option = zone.locator('[data-testid="ship-option"]', { hasText: optionName })
    for (const c of currencies) await option.locator(`[data-testid="ship-option-prices"] [data-currency="${c}"][data-amount="750"]`).waitFor()
    if (await option.locator('[data-testid="ship-option-missing"]').count()) throw new Error("the option says a price is missing although every currency has one")
    if (shots) await page.screenshot({ path: `${shots}/delivery-zone-option.png`, fullPage: true })

    step = "a buyer in that country is offered the option at its price"
    await poll(async () => {
      const { currency, options } = await offeredTo(country)
      return { ok: options[optionName] === 7.5 && currencies.includes(currency), actual: { currency, options } }
    }, `the buyer in ${country} is not offered ${optionName} at 7.50`, 30_000)

    step = "the price is changed to 9.00"
    await option.locator('[data-testid="ship-option-edit"]').click()
    for (const c of currencies) await zone.locator(`[data-testid="ship-price-${c}"]`).fill("9.00")
    await zone.locator('[data-testid="ship-option-save"]').click()
    await option.locator(`[data-testid="ship-option-prices"] [data-amount="900"]`).first().waitFor()
    await poll(async () => {
      const { options } = await offeredTo(country)
      return { ok: options[optionName] === 9, actual: options }
    }, "the buyer is not offered the new price", 30_000)

    step = "the option, then the zone, are deleted after a confirmation in words"
    await option.locator('[data-testid="ship-option-delete"]').click()
    await zone.locator('[data-testid="ship-option-confirm"]').waitFor()
    if (!(await zone.locator('[data-testid="ship-option-confirm"]').innerText()).includes(optionName)) throw new Error("the confirmation does not name the option")
    await zone.locator('[data-testid="ship-option-confirm-submit"]').click()
    await zone.locator('[data-testid="ship-zone-no-options"]').waitFor()
    await zone.locator('[data-testid="ship-zone-delete"]').click()
    await zone.locator('[data-testid="ship-zone-confirm-submit"]').click()
    await zone.waitFor({ state: "detached" })
    const { options: after } = await offeredTo(country)
    if (optionName in after) throw new Error(`a deleted option is still offered: ${JSON.stringify(after)}`)

    step = "schedule exceptions: the services merchant opens the portrait session's schedule"
    const { products: [portrait] } = await http(backend, "GET", `/store/products?handle=${PORTRAIT}`, { headers: store })
    const from = new Date(Date.now() + 2 * DAY)
    const slotsFor = async () => (await http(backend, "GET", `/store/products/${portrait.id}/slots?from=${from.toISOString()}&to=${new Date(from.getTime() + 21 * DAY).toISOString()}`, { headers: store })).slots
    const before = await slotsFor()
    if (!before?.length) throw new Error("the portrait session offers no slot in three weeks")
    await signIn(page, base, SERVICES)
    await page.goto(`${base}/merchant/products`)
    await page.locator('[data-testid="catalog-search"]').fill("Portrait")
    await page.locator('[data-testid="merchant-product-title"]', { hasText: "Portrait" }).first().click()
    const editor = page.locator('[data-testid="catalog-schedule"]')
    await editor.locator('[data-testid="sched-zone"]').waitFor()
    const zoneId = await editor.locator('[data-testid="sched-zone"]').inputValue()
    const days = [...new Set(before.map((s) => local(s.start_at, zoneId).date))]
    if (days.length < 2) throw new Error(`the portrait session has slots on ${days.length} day(s) only`)
    const [dayOff, closedDay] = days
    // A day inside the window without any regular slot gets the one-off extra slot at 13:00.
    let extraDay = null
    for (let d = new Date(from.getTime() + DAY); d.getTime() < from.getTime() + 14 * DAY; d = new Date(d.getTime() + DAY)) {
      const date = local(d.toISOString(), zoneId).date
      if (!days.includes(date)) { extraDay = date; break }
    }
    if (!extraDay) throw new Error("no day without slots for the extra slot")

    // A schedule seeded as a rule (before the grid existed) is repainted first: its own hours, Fridays and
    // Saturdays 11:00–12:00 and 15:00–16:00; saving writes the rule from the grid.
    if (await editor.locator('[data-testid="sched-from-rule"]').count()) {
      step = "repaint the seeded hours on the weekly grid"
      for (const day of ["FR", "SA"]) for (const cell of ["1100", "1130", "1500", "1530"]) {
        await editor.locator(`[data-testid="sched-cell-${day}-${cell}"]`).click()
        await expectAttribute(editor.locator(`[data-testid="sched-cell-${day}-${cell}"]`), "aria-pressed", "true")
      }
      await editor.locator('[data-testid="sched-preview-slot"]').first().waitFor()
    }

    step = `day off ${dayOff} on the calendar`
    const todayMonth = local(new Date().toISOString(), zoneId).date.slice(0, 7)
    if (dayOff.slice(0, 7) !== todayMonth) await editor.locator('[data-testid="sched-calendar"] button[aria-label="Next month"]').click()
    await editor.locator(`[data-testid="sched-day-${dayOff}"]`).click()
    await expectAttribute(editor.locator(`[data-testid="sched-day-${dayOff}"]`), "aria-pressed", "true")

    step = `closed hours 00:00–23:59 on ${closedDay}, an extra slot on ${extraDay} at 13:00`
    await editor.locator('[data-testid="sched-blackout-date"]').fill(closedDay)
    await editor.locator('[data-testid="sched-blackout-from"]').fill("00:00")
    await editor.locator('[data-testid="sched-blackout-to"]').fill("23:59")
    await editor.locator('[data-testid="sched-blackout-add"]').click()
    await editor.locator('[data-testid="sched-blackout"]').first().waitFor()
    await editor.locator('[data-testid="sched-extra-date"]').fill(extraDay)
    await editor.locator('[data-testid="sched-extra-time"]').fill("13:00")
    await editor.locator('[data-testid="sched-extra-add"]').click()
    await editor.locator('[data-testid="sched-extra"]').first().waitFor()
    await editor.locator('[data-testid="sched-save"]').click()
    await editor.locator('[data-testid="sched-saved"]').waitFor()
    if (shots) await page.screenshot({ path: `${shots}/delivery-schedule-exceptions.png`, fullPage: true })

    step = "the buyer sees no slot on the day off and the closed day, and the extra slot"
    let offered = []
    await poll(async () => {
      offered = await slotsFor()
      const dates = offered.map((s) => local(s.start_at, zoneId))
      const ok = !dates.some((d) => d.date === dayOff || d.date === closedDay) && dates.some((d) => d.date === extraDay && d.time === "13:00")
      return { ok, actual: dates.filter((d) => [dayOff, closedDay, extraDay].includes(d.date)) }
    }, "the buyer's slots do not follow the exceptions", 30_000)

    step = "the extra slot can be booked (held in a cart)"
    const extra = offered.find((s) => local(s.start_at, zoneId).date === extraDay)
    const europe = regions.find((r) => r.currency_code === "eur")
    const { cart } = await http(backend, "POST", "/store/carts", { headers: store, body: { region_id: europe.id, email: `extra-${stamp}@e2e.local` } })
    const held = await http(backend, "POST", `/store/carts/${cart.id}/line-items`, { headers: store, body: { variant_id: portrait.variants[0].id, quantity: 1, metadata: { slot_start: extra.start_at } } })
    const item = held.cart.items.find((i) => i.metadata?.slot_start)
    if (!item) throw new Error("the extra slot was not held in the cart")
    // Capacity 1: the held extra slot is no longer offered to others; releasing it offers it again.
    await poll(async () => ({ ok: !(await slotsFor()).some((s) => s.start_at === extra.start_at), actual: "still offered" }), "a held extra slot is still offered", 15_000)
    await http(backend, "DELETE", `/store/carts/${cart.id}/line-items/${item.id}`, { headers: store })
    return { country, zoneName, dayOff, closedDay, extraDay }
  } catch (err) {
    throw await stepFailure({ test: "delivery", page, step, err, consoleErrors })
  } finally {
    await browser.close()
  }
}
