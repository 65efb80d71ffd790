// Browser test of the storefront's buying path, in Debian's Chromium via
// playwright-core (no bundled browsers are downloaded).
import { adminToken, http, regionWithSandbox } from "./api.mjs"
import { merchantDelivers, merchantShips } from "./checkout.e2e.mjs"
import {
  expectAccessible, expectAttribute, expectContains, expectNoHorizontalOverflow, expectNoRawCodes, expectText, openBrowser, poll, snap, STEP_TIMEOUT, stepFailure, trimSlash, waitCount, waitEnabled,
} from "./browser.mjs"

const SSR_HANDLE = "snail-shell-mug"

/**
 * What a crawler or a link preview gets, without JavaScript: the server HTML of a product page
 * holds its title, its price and a JSON-LD Product, per-language URLs with hreflang, and
 * sitemap.xml / robots.txt list it. The expected price comes from the admin API (the product's
 * EUR price as stored), not from the storefront.
 */
export async function checkServerHtml({ base, backend }) {
  const token = await adminToken(backend)
  const { products } = await http(backend, "GET", `/admin/products?handle=${SSR_HANDLE}&fields=title,*variants,*variants.prices`, { token })
  const product = products[0]
  if (!product) throw new Error(`no product ${SSR_HANDLE} (seed missing?)`)
  const eur = product.variants.flatMap((v) => v.prices).filter((p) => p.currency_code === "eur" && !p.rules_count).map((p) => Number(p.amount))
  if (!eur.length) throw new Error(`${SSR_HANDLE} has no EUR price`)
  // "12" or "12.5" (major units, as the admin API stores them) → "12.00" / "12.50", by string.
  const [whole, frac = ""] = String(Math.min(...eur)).split(".")
  const expectedPrice = `${whole}.${frac.padEnd(2, "0")}`

  // No cookies: English from the URL, so the Europe region (EUR).
  const res = await fetch(`${base}/en/products/${SSR_HANDLE}`, { headers: { "accept-language": "en" } })
  if (res.status !== 200) throw new Error(`server HTML: HTTP ${res.status}`)
  const html = await res.text()
  const escapedTitle = product.title.replace(/&/g, "&amp;").replace(/</g, "&lt;")
  if (!html.includes(`<title>${escapedTitle} · SnailMarketplace</title>`)) throw new Error(`server HTML has no <title> naming "${product.title}"`)
  if (!new RegExp(`data-testid="product-title"[^>]*>${escapedTitle}<`).test(html)) throw new Error(`server HTML has no product heading "${product.title}"`)
  const ld = html.match(/<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s)
  if (!ld) throw new Error("server HTML has no JSON-LD script")
  const data = JSON.parse(ld[1])
  if (data["@type"] !== "Product" || data.name !== product.title) throw new Error(`JSON-LD is not this Product: ${ld[1].slice(0, 200)}`)
  if (data.offers?.price !== expectedPrice || data.offers?.priceCurrency !== "EUR") {
    throw new Error(`JSON-LD offer ${JSON.stringify(data.offers)}, expected price ${expectedPrice} EUR`)
  }
  // The visible price too (en-GB formatting of the same amount).
  const shown = new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(`${expectedPrice}`)
  if (!html.includes(shown)) throw new Error(`server HTML does not show the price ${shown}`)
  for (const l of ["en", "ru", "ar"]) {
    if (!html.includes(`hrefLang="${l}" href="${base}/${l}/products/${SSR_HANDLE}"`)) throw new Error(`no hreflang ${l} link`)
  }
  const ar = await (await fetch(`${base}/ar/products/${SSR_HANDLE}`)).text()
  if (!/<html lang="ar" dir="rtl"/.test(ar)) throw new Error("the /ar page is not rendered right-to-left in Arabic")
  // Product, variant and option names in the page's language (Medusa's translation module, demo
  // names seeded): a service's "60 minutes" reads "60 دقيقة" in Arabic, never "minutes 60".
  for (const [l, title, variant] of [["ar", "حصة يوغا خاصة", "60 دقيقة"], ["ru", "Индивидуальное занятие йогой", "60 минут"]]) {
    const page = await (await fetch(`${base}/${l}/products/private-yoga-class`)).text()
    if (!page.includes(`<title>${title} · SnailMarketplace</title>`)) throw new Error(`/${l} product page is not titled "${title}"`)
    if (!page.includes(`>${variant}<`)) throw new Error(`/${l} product page does not offer the variant "${variant}"`)
  }

  // An unprefixed link goes to the visitor's language.
  const redirect = await fetch(`${base}/products/${SSR_HANDLE}`, { redirect: "manual", headers: { "accept-language": "ru-RU,ru;q=0.9,en;q=0.5" } })
  if (redirect.status !== 307 || !redirect.headers.get("location")?.endsWith(`/ru/products/${SSR_HANDLE}`)) {
    throw new Error(`unprefixed URL: HTTP ${redirect.status} → ${redirect.headers.get("location")}`)
  }
  const sitemap = await (await fetch(`${base}/sitemap.xml`)).text()
  if (!sitemap.includes(`<loc>${base}/en/products/${SSR_HANDLE}</loc>`)) throw new Error("sitemap.xml does not list the product")
  const robots = await (await fetch(`${base}/robots.txt`)).text()
  if (!robots.includes(`Sitemap: ${base}/sitemap.xml`) || !robots.includes("Disallow: /checkout")) throw new Error(`robots.txt: ${robots}`)
}

const GUEST_COURSE = "typescript-from-zero" // Slow Academy
const PHONE_SERVICE = "tax-consultation" // Desert Wellness, AED
const PHONE_GOODS = "snail-shell-mug" // Snail Goods

/**
 * A guest buys a course without an account: the confirmation page shows the order (its signed
 * link, as in the email), then the guest registers from there and adds the order to the new
 * account — and the course is in My courses. (Issue 21: guest orders were lost.)
 */
async function guestJourney({ page, base, backend, setStep }) {
  await regionWithSandbox(backend, "eur")
  const email = `guest-${Date.now().toString(36)}@e2e.local`

  setStep("guest: add a course to the cart")
  await page.goto(`${base}/en/products/${GUEST_COURSE}`, { waitUntil: "domcontentloaded" })
  const add = page.locator('[data-testid="add-to-cart"]')
  await waitEnabled(add)
  await add.click()
  await page.locator('[data-testid="add-to-cart-status"] .success').waitFor()

  setStep("guest: checkout and pay")
  await page.goto(`${base}/checkout`, { waitUntil: "domcontentloaded" })
  await page.locator('[data-testid="checkout"]').waitFor()
  await page.locator('[data-testid="checkout-email"]').fill(email)
  await page.locator('[data-testid="checkout-first-name"]').fill("Gil")
  await page.locator('[data-testid="checkout-last-name"]').fill("Guest")
  // Nothing here is delivered: the checkout asks for no street address (issue 21).
  await page.locator('[data-testid="checkout-contact-only"]').waitFor()
  if (await page.locator('[data-testid="checkout-address-1"]').count()) throw new Error("a cart without goods asks for a street address")
  await page.locator('[data-testid="checkout-country"]').selectOption("de")
  await page.locator('[data-testid="checkout-save-address"]').click()
  await page.locator('[data-testid="checkout-address-saved"]').waitFor()
  await page.locator('[data-testid="checkout-card-number"]').fill("4242424242424242")
  await waitEnabled(page.locator('[data-testid="checkout-place-order"]'))
  await page.locator('[data-testid="checkout-place-order"]').click()

  setStep("guest: the confirmation page shows the order (no sign-in wall)")
  await page.waitForURL(/\/orders\/order_[^/?]+\?.*token=/, { timeout: STEP_TIMEOUT * 2 })
  const orderId = new URL(page.url()).pathname.split("/").pop()
  await page.locator('[data-testid="order-placed"]').waitFor()
  await page.locator('[data-testid="order-line"]').first().waitFor()
  if (await page.locator('[data-testid="order-sign-in"]').count()) throw new Error("the guest got the sign-in wall")
  const itemText = await page.locator('[data-testid="order-line"]').first().innerText()
  if (!itemText.includes("TypeScript from Zero")) throw new Error(`order item reads "${itemText}"`)
  await expectAccessible(page, "guest order confirmation")

  // Issue 19's browser test: the confirmation e-mail reaches the local inbox (the stack's mail catcher)
  // in the language the guest shopped in, and its link opens the order in a browser with no session.
  const inbox = process.env.MAIL_INBOX_URL
  if (inbox) {
    setStep("guest: the confirmation e-mail in the local inbox opens the order")
    let mail
    await poll(async () => {
      const messages = await (await fetch(`${trimSlash(inbox)}/api/messages`)).json()
      mail = messages.find((m) => m.to.includes(email) && m.subject.startsWith("Order #"))
      return { ok: !!mail, actual: messages.filter((m) => m.to.includes(email)).map((m) => m.subject) }
    }, `no "Order #… is placed" e-mail to ${email} in the inbox`, STEP_TIMEOUT * 2)
    const link = /href="([^"]*\/orders\/order_[^"]+)"/.exec(mail.html ?? "")?.[1]?.replace(/&amp;/g, "&")
    if (!link || !link.startsWith(base)) throw new Error(`the e-mail's order link is "${link}" (expected under ${base})`)
    const fresh = await page.context().browser().newContext()
    try {
      const mailPage = await fresh.newPage()
      await mailPage.goto(link, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 2 })
      await mailPage.locator('[data-testid="order-line"]').first().waitFor({ timeout: STEP_TIMEOUT })
      const fromMail = await mailPage.locator('[data-testid="order-line"]').first().innerText()
      if (!fromMail.includes("TypeScript from Zero")) throw new Error(`the e-mailed link shows "${fromMail}"`)
      if (new URL(link).pathname.split("/").pop() !== orderId) throw new Error(`the e-mailed link is for another order: ${link}`)
    } finally {
      await fresh.close()
    }
    // The shopping language travelled on the cart (checkout stores it), so the e-mail is in it.
    const { order } = await http(backend, "GET", `/admin/orders/${orderId}?fields=metadata`, { token: await adminToken(backend) })
    if (order.metadata?.locale !== "en") throw new Error(`the order's metadata.locale is ${JSON.stringify(order.metadata?.locale)}, expected "en"`)
    console.log(`[e2e] storefront: guest's e-mail "${mail.subject}" in the inbox → its link opened order ${orderId} with no session; order metadata.locale "${order.metadata.locale}"`)
  }

  setStep("guest: registers from the order page and comes back to it")
  await registerFromOrder(page, orderId, { first: "Gil", last: "Guest", email, password: "guest-pass-123" })

  setStep("guest: adds the order to the new account; the course is in My courses")
  await page.locator('[data-testid="order-claim"]').click()
  await page.locator('[data-testid="order-claimed"]').waitFor()
  await page.locator('[data-testid="order-line"][data-kind="COURSE"]').waitFor()
  await page.locator('[data-testid="my-courses-link"]').click()
  await page.waitForURL("**/account/courses")
  await page.locator('[data-testid="course-card"]').first().waitFor()
  await expectText(page.locator('[data-testid="course-card"]').first().locator('[data-testid="course-title"]'), "TypeScript from Zero")

  await accountSettings({ page, base, email, setStep })
}

/**
 * The buyer's account page, opened as every e-mail's settings link opens it (/account?tab=notifications):
 * a switchable message turned off stays off after a reload (saved on the server), this browser is in
 * the sign-in list as "this device", the data export downloads the buyer's JSON, and erasure asks
 * before it is requested. Then the same page in Arabic, right to left.
 */
async function accountSettings({ page, base, email, setStep }) {
  setStep("account: the e-mail's settings link opens the notification section")
  await page.goto(`${base}/account?tab=notifications`, { waitUntil: "domcontentloaded" })
  await page.locator('[data-testid="account-notifications"]').waitFor()
  await expectAttribute(page.locator('[data-testid="account-tab-notifications"]'), "aria-selected", "true")
  const reminder = page.locator('[data-testid="account-pref-BOOKING_REMINDER-email"]')
  if (!(await reminder.isChecked())) throw new Error("the booking reminder by e-mail should be on by default")
  // Order facts cannot be switched off: shown as always sent, with no switch.
  if (await page.locator('[data-testid="account-pref-ORDER_PLACED-email"]').count()) throw new Error("a transactional message has a switch")
  await expectContains(page.locator('[data-testid="account-pref-row"][data-type="ORDER_PLACED"]'), "Always sent")
  await page.locator('[data-testid="account-telegram"]').waitFor()
  await expectNoRawCodes(page, "account notifications")
  await expectAccessible(page, "account notifications")

  setStep("account: switch the booking reminder e-mail off; it stays off after a reload")
  await reminder.click()
  await page.locator('[data-testid="account-pref-saved"]').waitFor()
  await page.reload({ waitUntil: "domcontentloaded" })
  await page.locator('[data-testid="account-notifications"]').waitFor()
  if (await page.locator('[data-testid="account-pref-BOOKING_REMINDER-email"]').isChecked()) throw new Error("the reminder switch was not saved (on again after a reload)")
  if (!(await page.locator('[data-testid="account-pref-BOOKING_REMINDER-telegram"]').isChecked())) throw new Error("switching e-mail off changed the Telegram choice too")
  await snap(page, "account-notifications")

  setStep("account: the sign-in list shows this browser")
  await page.locator('[data-testid="account-tab-sessions"]').click()
  await page.waitForURL((u) => u.searchParams.get("tab") === "sessions")
  const current = page.locator('[data-testid="account-session"][data-current="true"]')
  await current.waitFor()
  await expectContains(current, "This device")
  await expectContains(current, "Chrome")
  await expectAccessible(page, "account sessions")
  await snap(page, "account-sessions")

  setStep("account: download my data (JSON)")
  await page.locator('[data-testid="account-tab-privacy"]').click()
  await page.locator('[data-testid="account-privacy"]').waitFor()
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="account-export"]').click()])
  if (!/^my-data-\d{4}-\d{2}-\d{2}\.json$/.test(download.suggestedFilename())) throw new Error(`export file named "${download.suggestedFilename()}"`)
  const file = await download.path()
  const { readFile } = await import("node:fs/promises")
  const data = JSON.parse(await readFile(file, "utf8"))
  if (data.customer?.email !== email) throw new Error(`the export is not this buyer's: customer ${JSON.stringify(data.customer?.email)}`)
  if (!Array.isArray(data.orders) || data.orders.length < 1) throw new Error(`the export has no orders (${JSON.stringify(data.orders)?.slice(0, 100)})`)
  if (!data.sessions?.length) throw new Error("the export has no sign-in sessions")
  await page.locator('[data-testid="account-exported"]').waitFor()

  setStep("account: erasure asks first, then shows the request's state")
  await expectAttribute(page.locator('[data-testid="account-erasure"]'), "data-state", "NONE")
  await page.locator('[data-testid="account-erasure-ask"]').click()
  await page.locator('[data-testid="account-erasure-confirm"]').click()
  await expectAttribute(page.locator('[data-testid="account-erasure"]'), "data-state", "REQUESTED")
  await page.reload({ waitUntil: "domcontentloaded" })
  await expectAttribute(page.locator('[data-testid="account-erasure"]'), "data-state", "REQUESTED")
  await page.locator('[data-testid="account-erasure-state"]').waitFor()
  await expectAccessible(page, "account privacy")
  await snap(page, "account-privacy")

  setStep("account: the same page in Arabic, right to left, in words")
  await page.locator('[data-testid="lang-select"]').selectOption("ar")
  await expectAttribute(page.locator("html"), "dir", "rtl")
  await page.locator('[data-testid="account-tab-notifications"]').click()
  await page.locator('[data-testid="account-notifications"]').waitFor()
  await expectContains(page.locator('[data-testid="account-pref-row"][data-type="ORDER_PLACED"]'), "تُرسل دائمًا")
  await expectNoRawCodes(page, "account in Arabic")
  await snap(page, "account-notifications-ar")
  await page.locator('[data-testid="lang-select"]').selectOption("en")
}

/** A guest on its order page registers with the order's e-mail and comes back to the order. */
async function registerFromOrder(page, orderId, { first, last, email, password }) {
  await page.locator('[data-testid="order-guest-sign-in"]').click()
  await page.waitForURL("**/account/login**")
  await page.locator('[data-testid="register-link"]').click()
  await page.waitForURL("**/account/register**")
  await page.locator('[data-testid="account-first-name"]').fill(first)
  await page.locator('[data-testid="account-last-name"]').fill(last)
  await page.locator('[data-testid="account-email-input"]').fill(email)
  await page.locator('[data-testid="account-password-input"]').fill(password)
  await page.locator('[data-testid="account-submit"]').click()
  await page.waitForURL((u) => u.pathname === `/orders/${orderId}` && u.searchParams.has("token"))
}

/**
 * home → product → add to cart → cart shows it (count 1) → remove → empty; then search from the
 * header (suggestions) → results with facets, sort and pages whose state is the URL; then a
 * guest's course order that stays reachable and is claimed into a new account.
 * Throws on failure after saving a full-page screenshot.
 * @param {{ storefrontUrl: string, backendUrl?: string, executablePath?: string, headless?: boolean }} opts
 */
export async function run({ storefrontUrl, backendUrl, executablePath, headless }) {
  const base = trimSlash(storefrontUrl)
  const { browser, page, consoleErrors } = await openBrowser({ executablePath, headless })

  let step = "start"
  try {
    if (backendUrl) {
      step = "server HTML of a product page (title, price, JSON-LD, hreflang, sitemap, robots)"
      await checkServerHtml({ base, backend: trimSlash(backendUrl) })
    }

    step = "open home page"
    const home = await page.goto(`${base}/`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 2 })

    step = "security headers on the page (never framed, no sniffing, a CSP naming the backend)"
    const headers = home?.headers() ?? {}
    const csp = headers["content-security-policy"] ?? ""
    if (!csp.includes("frame-ancestors 'none'") || !csp.includes("object-src 'none'")) throw new Error(`CSP missing or too loose: "${csp}"`)
    if (backendUrl && !csp.includes(new URL(backendUrl).origin)) throw new Error(`the CSP does not let the pages reach the backend ${backendUrl}: "${csp}"`)
    if (headers["x-content-type-options"] !== "nosniff" || headers["x-frame-options"] !== "DENY") {
      throw new Error(`X-Content-Type-Options / X-Frame-Options: ${headers["x-content-type-options"]} / ${headers["x-frame-options"]}`)
    }
    const errorBox = page.locator('[data-testid="config-error"], [data-testid="error"]')

    step = "see products"
    const cards = page.locator('[data-testid="product-card"]')
    await Promise.race([
      cards.first().waitFor(),
      errorBox.first().waitFor().then(async () => {
        throw new Error(`page shows an error: ${await errorBox.first().innerText()}`)
      }),
    ])
    await expectAccessible(page, "home")
    // Pick a product that is sold in the current region.
    const card = page.locator('[data-testid="product-card"][data-has-price="true"]').first()
    await card.waitFor()
    const handle = await card.getAttribute("data-handle")

    step = `open product "${handle}"`
    await card.locator('[data-testid="product-card-link"]').click()
    await page.waitForURL(`**/products/${handle}`)
    await page.locator('[data-testid="product-title"]').waitFor()
    const addButton = page.locator('[data-testid="add-to-cart"]')
    await waitEnabled(addButton, "add-to-cart button stayed disabled (no price in region?)")
    await expectAccessible(page, "product page")

    step = "add to cart"
    await addButton.click()
    await page.locator('[data-testid="add-to-cart-status"] .success').waitFor().catch(async (e) => {
      const status = await page.locator('[data-testid="add-to-cart-status"]').innerText()
      throw new Error(`no confirmation after add to cart${status ? `: ${status}` : ""} (${e.message})`)
    })
    await expectText(page.locator('[data-testid="cart-count"]'), "1")

    step = "see it in the cart"
    await page.locator('[data-testid="cart-link"]').click()
    await page.waitForURL("**/cart")
    const lines = page.locator('[data-testid="cart-line"]')
    await lines.first().waitFor()
    const lineCount = await lines.count()
    if (lineCount !== 1) throw new Error(`expected 1 cart line, found ${lineCount}`)
    await expectText(lines.first().locator('[data-testid="cart-line-quantity"]'), "1")
    await expectAccessible(page, "cart")
    await expectText(page.locator('[data-testid="cart-count"]'), "1")

    step = "remove it"
    await lines.first().locator('[data-testid="cart-line-remove"]').click()
    await page.locator('[data-testid="cart-empty"]').waitFor()
    await expectText(page.locator('[data-testid="cart-count"]'), "0")

    step = "header search: suggestions while typing"
    const input = page.locator('[data-testid="search-input"]')
    await input.fill("snail shell")
    await page.locator('[data-testid="search-suggestion"]').first().waitFor()
    const suggestion = (await page.locator('[data-testid="search-suggestion"]').first().innerText()).trim()
    if (!/snail shell mug/i.test(suggestion)) throw new Error(`first suggestion for "snail shell" is "${suggestion}"`)

    step = "search results: the query is in the URL"
    await input.fill("mug")
    await input.press("Enter")
    await page.waitForURL((u) => u.pathname.endsWith("/search") && u.searchParams.get("q") === "mug")
    await page.locator(`[data-testid="search-hit"][data-handle="${SSR_HANDLE}"]`).waitFor()

    step = "browse everything: sort by price (high to low), state in the URL"
    await page.goto(`${base}/en/search`, { waitUntil: "domcontentloaded" })
    const total = Number(await page.locator('[data-testid="search-total"]').getAttribute("data-total"))
    if (!(total > 12)) throw new Error(`expected more than one page of demo products, total ${total}`)
    await page.locator('[data-testid="search-filters"][data-ready="true"]').waitFor()
    await page.locator('[data-testid="search-sort"]').selectOption("price_desc")
    await page.waitForURL((u) => u.searchParams.get("sort") === "price_desc")
    await poll(async () => {
      const prices = (await page.locator('[data-testid="search-hit"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-price-min")))))
      const sorted = prices.length > 1 && prices.every((p, i) => i === 0 || prices[i - 1] >= p)
      return { ok: sorted, actual: prices }
    }, "hits sorted by price, high to low")

    step = "pagination: page 2 holds the rest (12 a page)"
    await page.locator('[data-testid="search-next"]').click()
    await page.waitForURL((u) => u.searchParams.get("page") === "2" && u.searchParams.get("sort") === "price_desc")
    await poll(async () => {
      const n = await page.locator('[data-testid="search-hit"]').count()
      return { ok: n === Math.min(12, total - 12), actual: n }
    }, `page 2 with ${Math.min(12, total - 12)} hits`)

    step = "facet: only courses"
    await page.locator('[data-testid="search-filters"][data-ready="true"]').waitFor()
    await page.locator('[data-testid="facet-kind"] input[value="COURSE"]').check()
    await page.waitForURL((u) => u.searchParams.getAll("kind").includes("COURSE") && !u.searchParams.has("page"))
    await poll(async () => {
      const kinds = await page.locator('[data-testid="search-hit"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")))
      return { ok: kinds.length > 0 && kinds.every((k) => k === "COURSE"), actual: kinds }
    }, "only COURSE hits")
    // A reload (or a shared link) gives the same page: the state is the URL.
    await page.reload({ waitUntil: "domcontentloaded" })
    if (!(await page.locator('[data-testid="facet-kind"] input[value="COURSE"]').isChecked())) throw new Error("the kind filter was lost on reload")
    await expectAccessible(page, "search results")

    if (backendUrl) await guestJourney({ page, base, backend: trimSlash(backendUrl), setStep: (s) => (step = s) })
  } catch (err) {
    throw await stepFailure({ test: "storefront", page, step, err, consoleErrors })
  } finally {
    await browser.close()
  }
  await phoneArabic({ base, backend: backendUrl ? trimSlash(backendUrl) : undefined, executablePath, headless })
}

/**
 * A phone (390×844) in Arabic: the header stays small with its navigation behind a menu button
 * (44 px targets), no page scrolls sideways, the add-to-cart button is on screen on a product
 * page, and axe finds nothing serious.
 */
async function phoneArabic({ base, backend, executablePath, headless }) {
  const { browser, page, consoleErrors } = await openBrowser({ executablePath, headless, viewport: { width: 390, height: 844 }, locale: "ar-AE" })
  let step = "phone, Arabic: home"
  try {
    await page.goto(`${base}/ar`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 2 })
    await page.locator('[data-testid="product-card"]').first().waitFor()
    // The menu button works once the server-rendered header is hydrated (on the production build a
    // click before that does nothing).
    await page.locator('header[data-ready="true"]').waitFor()
    if ((await page.getAttribute("html", "dir")) !== "rtl") throw new Error("the Arabic page is not right-to-left")
    const header = await page.locator("header.header").boundingBox()
    if (!header || header.height > 844 * 0.25) throw new Error(`the header takes ${header?.height}px of an 844px screen`)
    const nav = page.locator("#site-nav")
    if (await nav.isVisible()) throw new Error("the navigation is not folded behind the menu on a phone")
    const menu = page.locator('[data-testid="menu-button"]')
    for (const target of [menu, page.locator('[data-testid="cart-link"]'), page.locator('[data-testid="search-input"]')]) {
      const box = await target.boundingBox()
      if (!box || box.height < 44 || box.width < 44) throw new Error(`a header control is ${box?.width}×${box?.height}px (under 44 px)`)
    }
    await menu.click()
    await nav.waitFor()
    await expectNoHorizontalOverflow(page, "home (menu open)")
    await expectAccessible(page, "home, phone, Arabic")
    await menu.click()

    step = "phone, Arabic: product page with the add-to-cart button on screen"
    await page.goto(`${base}/ar/products/${GUEST_COURSE}`, { waitUntil: "domcontentloaded" })
    const add = page.locator('[data-testid="add-to-cart"]')
    await waitEnabled(add)
    const box = await add.boundingBox()
    if (!box || box.y + box.height > 844 || box.height < 44) throw new Error(`add to cart at y=${box?.y} h=${box?.height} is not a reachable target on the first screen`)
    await expectNoHorizontalOverflow(page, "product page")
    await expectAccessible(page, "product page, phone, Arabic")
    await add.click()
    await page.locator('[data-testid="add-to-cart-status"] .success').waitFor()

    step = "phone, Arabic: search results and cart"
    await page.goto(`${base}/ar/search?q=${encodeURIComponent("typescript")}`, { waitUntil: "domcontentloaded" })
    await page.locator('[data-testid="search-hit"]').first().waitFor()
    await expectNoHorizontalOverflow(page, "search results")
    await expectAccessible(page, "search, phone, Arabic")
    await page.goto(`${base}/cart`, { waitUntil: "domcontentloaded" })
    // The course just added: its Arabic name, its seller, bought once, its total; nothing overflows.
    const line = page.locator('[data-testid="cart-line"][data-kind="COURSE"]').first()
    await line.locator('[data-testid="cart-line-seller"]').waitFor()
    await expectContains(line.locator('[data-testid="cart-line-title"]'), "من الصفر")
    await line.locator('[data-testid="cart-line-once"]').waitFor()
    await expectNoHorizontalOverflow(page, "cart")
    await expectAccessible(page, "cart, phone, Arabic")
    await snap(page, "storefront-cart-phone-ar")
    if (backend) await phoneArabicPurchase({ page, base, backend, setStep: (s) => (step = s) })
  } catch (err) {
    throw await stepFailure({ test: "storefront-phone-ar", page, step, err, consoleErrors })
  } finally {
    await browser.close()
  }
}

/**
 * The rest of the Arabic phone journey (issue 21, "Done when": find, book, buy, pay, follow, return,
 * watch and get refunded on a phone in Arabic without meeting a raw code): the guest books a
 * consultation slot and adds a mug to the course in the cart, pays, follows the order from its
 * confirmation, registers and adds the order to the new account, returns the mug once delivered,
 * watches the video lesson and has the course refunded — on 390 px, right-to-left, with the items'
 * Arabic names, and no raw code or id, no sideways scrolling and nothing serious for axe on any page.
 */
async function phoneArabicPurchase({ page, base, backend, setStep }) {
  const aed = await regionWithSandbox(backend, "aed")
  const email = `hatif-${Date.now().toString(36)}@e2e.local`
  const checkPage = async (label) => {
    await expectNoHorizontalOverflow(page, label)
    await expectNoRawCodes(page, label)
    await expectAccessible(page, `${label}, phone, Arabic`)
  }

  // Arabic shops in the UAE region by default (storefront/lib/region.ts): the cart is in dirhams.
  setStep("phone, Arabic: book the first free consultation slot")
  await page.goto(`${base}/ar/products/${PHONE_SERVICE}`, { waitUntil: "domcontentloaded" })
  const picker = page.locator('[data-testid="slot-picker"]')
  await picker.locator('[data-testid="slot"]').first().click()
  const addSlot = page.locator('[data-testid="add-to-cart"]')
  await waitEnabled(addSlot, "add-to-cart stayed disabled after picking a slot")
  await checkPage("service page with a slot picked")
  await addSlot.click()
  await page.locator('[data-testid="add-to-cart-status"] .success').waitFor()

  setStep("phone, Arabic: add a mug")
  await page.goto(`${base}/ar/products/${PHONE_GOODS}`, { waitUntil: "domcontentloaded" })
  const addMug = page.locator('[data-testid="add-to-cart"]')
  await waitEnabled(addMug)
  await addMug.click()
  await page.locator('[data-testid="add-to-cart-status"] .success').waitFor()

  setStep("phone, Arabic: checkout with a Dubai address and delivery for the mug, then pay")
  await page.goto(`${base}/checkout`, { waitUntil: "domcontentloaded" })
  await page.locator('[data-testid="checkout"]').waitFor()
  await waitCount(page.locator('[data-testid="checkout-item"]'), 3)
  // The summary names the course as the product page did (the cart answers in the reader's language).
  await page.locator('[data-testid="checkout-item"]', { hasText: "من الصفر" }).waitFor()
  await page.locator('[data-testid="checkout-email"]').fill(email)
  await page.locator('[data-testid="checkout-first-name"]').fill("هاتف")
  await page.locator('[data-testid="checkout-last-name"]').fill("المشتري")
  await page.locator('[data-testid="checkout-address-1"]').fill("شارع الشيخ زايد 1")
  await page.locator('[data-testid="checkout-city"]').fill("دبي")
  const postal = page.locator('[data-testid="checkout-postal-code"]')
  if (await postal.count()) await postal.fill("00000")
  await page.locator('[data-testid="checkout-country"]').selectOption("ae")
  await page.locator('[data-testid="checkout-save-address"]').click()
  await page.locator('[data-testid="checkout-address-saved"]').waitFor()
  // The saved e-mail is a left-to-right run in an Arabic sentence: isolated, read left to right, and kept
  // in one box (it never wraps into reordered pieces on a narrow screen).
  const savedEmail = page.locator('[data-testid="checkout-saved-email"]')
  const run = await savedEmail.evaluate((el) => {
    const style = getComputedStyle(el)
    return { tag: el.tagName, dir: style.direction, bidi: style.unicodeBidi, display: style.display, text: el.textContent, boxes: el.getClientRects().length }
  })
  if (run.tag !== "BDI" || run.dir !== "ltr" || run.bidi !== "isolate" || run.display !== "inline-block" || run.text !== email || run.boxes !== 1) {
    throw new Error(`the saved e-mail is not an isolated left-to-right run: ${JSON.stringify(run)}`)
  }
  await page.locator('[data-testid="checkout-shipping-option"] input').first().click()
  await page.locator('[data-testid="total-shippingTotal"]').waitFor()
  // On a phone the summary comes before the button that places the order.
  const summary = await page.locator('[data-testid="total-amount"]').boundingBox()
  const place = page.locator('[data-testid="checkout-place-order"]')
  const button = await place.boundingBox()
  if (!summary || !button || summary.y > button.y) throw new Error(`the total (y=${summary?.y}) is below "Place order" (y=${button?.y})`)
  await checkPage("checkout")
  await page.locator('[data-testid="checkout-card-number"]').fill("4242424242424242")
  await waitEnabled(place)
  await place.click()

  setStep("phone, Arabic: the confirmation follows every line: the course in Arabic, the booked time, the mug paid")
  await page.waitForURL(/\/orders\/order_[^/?]+\?.*token=/, { timeout: STEP_TIMEOUT * 2 })
  const orderId = new URL(page.url()).pathname.split("/").pop()
  await page.locator('[data-testid="order-placed"]').waitFor()
  const lineOf = (kind) => page.locator(`[data-testid="order-line"][data-kind="${kind}"]`)
  await expectContains(lineOf("COURSE"), "من الصفر")
  await lineOf("SERVICE").locator('[data-testid="order-line-booking"]').waitFor()
  await expectAttribute(lineOf("PHYSICAL"), "data-state", "PAID")
  await checkPage("order confirmation")

  setStep("phone, Arabic: registers from the order and adds it to the new account")
  await registerFromOrder(page, orderId, { first: "هاتف", last: "المشتري", email, password: "hatif-pass-123" })
  await page.locator('[data-testid="order-claim"]').click()
  await page.locator('[data-testid="order-claimed"]').waitFor()

  setStep("phone, Arabic: the mug is shipped and delivered (merchant API); the buyer returns it from the order")
  await expectAttribute(lineOf("PHYSICAL"), "data-state", "PAID")
  const mugLine = await lineOf("PHYSICAL").getAttribute("data-line-id")
  await merchantShips(backend, orderId, mugLine, `AE${Date.now().toString(36).toUpperCase()}`)
  await merchantDelivers(backend, orderId, mugLine)
  await expectAttribute(lineOf("PHYSICAL"), "data-state", "DELIVERED", 30_000)
  page.once("dialog", (d) => d.accept())
  await lineOf("PHYSICAL").locator('[data-testid="order-line-action-request_return"]').click()
  await expectAttribute(lineOf("PHYSICAL"), "data-state", "RETURN_REQUESTED", 30_000)
  await checkPage("order with a return requested")

  setStep("phone, Arabic: My courses plays the video lesson")
  await page.goto(`${base}/account/courses`, { waitUntil: "domcontentloaded" })
  const card = page.locator('[data-testid="course-card"]').first()
  await expectContains(card.locator('[data-testid="course-title"]'), "من الصفر")
  const video = card.locator('[data-testid="lesson-row"]').nth(2)
  await video.locator('[data-testid="lesson-stream"]').click()
  const player = video.locator('[data-testid="lesson-video"]')
  await player.waitFor()
  await page.waitForFunction((el) => el && el.ended, await player.elementHandle(), { timeout: STEP_TIMEOUT })
  // 4 s of the course's 724 weighed seconds: still under 1 %, so the refund stays open.
  await expectAttribute(video.locator('[data-testid="lesson-progress"]'), "data-value", "100")
  await checkPage("my courses with the player")
  await video.locator('[data-testid="lesson-player-close"]').click()

  setStep("phone, Arabic: the course is refunded and the order shows the refund")
  await card.locator('[data-testid="course-refund"]').click()
  await expectAttribute(card, "data-status", "REVOKED", STEP_TIMEOUT * 2)
  await checkPage("my courses after the refund")
  await page.goto(`${base}/orders/${orderId}`, { waitUntil: "domcontentloaded" })
  await expectAttribute(page.locator('[data-testid="order-line"][data-kind="COURSE"]'), "data-state", "REFUNDED", STEP_TIMEOUT * 2)
  await page.locator('[data-testid="total-adjustment-refunded"]').waitFor()
  await checkPage("order after the refund")
  await snap(page, "storefront-order-refunded-phone-ar")
  console.log(`[e2e] storefront: phone, Arabic — guest booked a slot and bought a mug and a course (${orderId}, AED), followed it, registered, claimed it, returned the mug, watched the lesson, had the course refunded`)
}
