// Browser test: the merchant dashboard speaks the viewer's language on every page (issue 22, "in
// EN/RU/AR"). Each demo merchant signs in; in Russian and in Arabic every page of the dashboard —
// home, products, product editor (goods, a service's schedule editor, a course's content), new
// product, orders, order detail, bookings, money, team, settings, delivery — is opened and read:
// no raw code, id or enum (expectNoRawCodes), no English words left in the interface, dates not in
// the US shape and money not in the English shape in Russian, and `dir="rtl"` in Arabic. What people
// type or the catalogue holds (names, e-mails, addresses) is data, marked `dir="auto"` / `<bdi>` /
// `dir="ltr"` by the pages (it is isolated for bidi anyway) and not counted as English.
import { placeRubOrder } from "./api.mjs"
import { expectNoRawCodes, openBrowser, poll, STEP_TIMEOUT, stepFailure, trimSlash, waitEnabled } from "./browser.mjs"

const PASSWORD = "merchant-pass-123"
const GOODS = "owner@snail-goods.local"
const SERVICES = "owner@desert-wellness.local"
const COURSES = "owner@slow-academy.local"

/** Words that are the same in every language here: brands, standards and units. */
const SAME_IN_EVERY_LANGUAGE = new Set(["SnailMarketplace", "Snail", "PDF", "HLS", "IBAN", "BIC", "SWIFT", "BIK", "SKU", "Stripe", "Connect", "Telegram", "E-mail", "e-mail", "iCal", "URL", "TRN", "INN", "VAT", "ATOL", "RRULE", "UTC", "GMT",
  "Google", "Apple", "Outlook",
  // Browsers and systems a sign-in is named by (Settings → sign-ins, lib/account.ts deviceOf)
  "Android", "Chrome", "ChromeOS", "Edge", "Firefox", "Linux", "Opera", "Safari", "Windows", "Yandex", "Browser", "iOS", "macOS", "HeadlessChrome"])

/**
 * The visible interface text of the page that is English (Latin words of 3+ letters outside data
 * marked dir=auto / dir=ltr / bdi / code / inputs), one entry per text node.
 */
async function englishLeftovers(page) {
  const found = await page.evaluate(() => {
    const out = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim()
      if (!/[A-Za-z]{3,}/.test(text)) continue
      const el = n.parentElement
      if (!el || el.closest("script,style,noscript,template,code,kbd,bdi,[dir=auto],[dir=ltr],textarea,[data-i18n-data]")) continue
      const style = getComputedStyle(el)
      if (style.display === "none" || style.visibility === "hidden" || !el.getClientRects().length) continue
      out.push(text.slice(0, 120))
    }
    return out
  })
  return [...new Set(found)].filter((t) => {
    const words = t.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? []
    return words.some((w) => !SAME_IN_EVERY_LANGUAGE.has(w) && !/^[A-Z]{3}$/.test(w)) // currency codes (EUR, RUB, AED)
  })
}

/** US dates (12/7/2026) and English money (€12.00, $5) have no place on a Russian page. */
async function russianShapes(page) {
  const text = await page.evaluate(() => document.body.innerText)
  const problems = []
  const usDate = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/.exec(text)
  if (usDate) problems.push(`US-style date "${usDate[0]}"`)
  // A symbol before the digits ("€12.00"), not a table's next cell after a price ("12 ₽<tab>0").
  const enMoney = /[€$£₽][ \u00a0]?\d/.exec(text)
  if (enMoney) problems.push(`money in the English shape "${enMoney[0]}…"`)
  return problems
}

async function signIn(page, base, email) {
  await page.goto(`${base}/merchant/login`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 2 })
  await page.locator('[data-testid="merchant-login-email"]').fill(email)
  await page.locator('[data-testid="merchant-login-password"]').fill(PASSWORD)
  await waitEnabled(page.locator('[data-testid="merchant-login-submit"]'))
  await page.locator('[data-testid="merchant-login-submit"]').click()
  await page.locator('[data-testid="dash-sidebar"]').waitFor()
}

/** Waits for the page's content: the loading indicators gone and the text settled. */
async function settle(page, ready) {
  if (ready) await page.locator(ready).first().waitFor()
  await poll(async () => {
    const loading = await page.locator('[data-testid="dash-loading"], [aria-busy="true"]').count()
    return { ok: loading === 0, actual: `${loading} loading` }
  }, "the page kept loading", STEP_TIMEOUT)
  let last = ""
  await poll(async () => {
    const now = await page.evaluate(() => document.body.innerText)
    const same = now === last
    last = now
    return { ok: same, actual: "text still changing" }
  }, "the page never settled", STEP_TIMEOUT)
}

const BROWSER_LOCALE = { ru: { locale: "ru-RU", timezoneId: "Europe/Moscow" }, ar: { locale: "ar-AE", timezoneId: "Asia/Dubai" } }

/** @param {{ storefrontUrl: string, backendUrl: string, executablePath?: string, headless?: boolean, shots?: string }} opts */
export async function run({ storefrontUrl, backendUrl, executablePath, headless, shots }) {
  const base = trimSlash(storefrontUrl)
  const backend = trimSlash(backendUrl)
  const { browser, page: firstPage, consoleErrors } = await openBrowser({ executablePath, headless, viewport: { width: 1280, height: 900 } })
  let page = firstPage
  const findings = []
  let pages = 0
  let step = "place a goods order (API) so Orders and the order detail have something to show"
  try {
    const order = await placeRubOrder(backend, {
      handle: "snail-shell-mug", quantity: 1, email: `i18n-${Date.now().toString(36)}@e2e.local`,
      address: { first_name: "Olga", last_name: "Buyer", address_1: "Arbat 10", postal_code: "119002" },
    })

    /**
     * A browser of a Russian or Arabic speaker (its own locale and zone, so native controls such as date
     * and file inputs speak the language too), the dashboard's language cookie set, `email` signed in.
     */
    async function viewer(locale, email) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...BROWSER_LOCALE[locale] })
      await context.addCookies([{ name: "snail_lang", value: locale, url: base }])
      page = await context.newPage()
      page.setDefaultTimeout(STEP_TIMEOUT)
      page.on("pageerror", (e) => consoleErrors.push(String(e)))
      await signIn(page, base, email)
      return context
    }

    /** Opens `path` (full load) and reads it. */
    async function check(locale, who, name, path, ready) {
      step = `${who} ${locale}: ${name}`
      await page.goto(`${base}${path}`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 2 })
      await page.locator('[data-testid="dash-sidebar"]').waitFor()
      await settle(page, ready)
      const dir = await page.evaluate(() => document.documentElement.getAttribute("dir") ?? document.querySelector(".snail-dash")?.getAttribute("dir"))
      if (locale === "ar" && dir !== "rtl") findings.push(`${step}: the page is not right-to-left (dir=${dir})`)
      try {
        await expectNoRawCodes(page, step)
      } catch (e) {
        findings.push(e.message)
      }
      for (const t of await englishLeftovers(page)) findings.push(`${step}: English "${t}"`)
      if (locale === "ru") for (const p of await russianShapes(page)) findings.push(`${step}: ${p}`)
      if (shots) await page.screenshot({ path: `${shots}/dash-i18n-${locale}-${who}-${name.replace(/\W+/g, "-")}.png`, fullPage: true })
      pages++
    }

    /** The href of the first product of the signed-in merchant whose title holds `text` (any, without). */
    async function productHref(text) {
      await page.goto(`${base}/merchant/products`)
      if (text) await page.locator('[data-testid="catalog-search"]').fill(text)
      const link = (text ? page.locator('[data-testid="merchant-product-title"]', { hasText: text }) : page.locator('[data-testid="merchant-product-title"]')).first()
      await link.waitFor()
      return (await link.getAttribute("href")) ?? ""
    }

    for (const locale of ["ru", "ar"]) {
      step = `goods merchant signs in (${locale})`
      let context = await viewer(locale, GOODS)
      const goodsProduct = await productHref()
      await check(locale, "goods", "home", "/merchant", '[data-testid="home-checklist"], [data-testid^="home-todo-"]')
      await check(locale, "goods", "products", "/merchant/products", '[data-testid="merchant-product-title"]')
      await check(locale, "goods", "product editor", goodsProduct, '[data-testid="catalog-editor"]')
      await check(locale, "goods", "new product", "/merchant/products/new", "form")
      await check(locale, "goods", "orders", "/merchant/orders", '[data-testid="orders-line-row"]')
      await check(locale, "goods", "order detail", `/merchant/orders/${order.id}`, '[data-testid="order-line-body"]')
      await check(locale, "goods", "money", "/merchant/money", "main")
      await check(locale, "goods", "team", "/merchant/team", "main")
      await check(locale, "goods", "settings", "/merchant/settings", "main")
      await check(locale, "goods", "delivery", "/merchant/shipping", '[data-testid="dash-shipping"]')
      await context.close()

      step = `services merchant signs in (${locale})`
      context = await viewer(locale, SERVICES)
      const serviceProduct = await productHref("Haircut")
      await check(locale, "services", "bookings", "/merchant/bookings", '[data-testid="merchant-bookings"]')
      await check(locale, "services", "schedule editor", serviceProduct, '[data-testid="catalog-schedule"] [data-testid="sched-zone"]')
      await context.close()

      step = `courses merchant signs in (${locale})`
      context = await viewer(locale, COURSES)
      const courseProduct = await productHref()
      await check(locale, "courses", "course editor", courseProduct, '[data-testid="catalog-editor"]')
      await context.close()
    }

    if (findings.length) throw new Error(`${findings.length} localisation problems on ${pages} pages:\n  ${findings.join("\n  ")}`)
    return { pages }
  } catch (err) {
    throw await stepFailure({ test: "dashboard-i18n", page, step, err, consoleErrors })
  } finally {
    await browser.close()
  }
}
