// Browser test of merchant onboarding, in Debian's Chromium via playwright-core:
//   (a) the platform admin approves the PENDING "Pending Pottery" application in the Medusa admin;
//   (b) its owner signs into the storefront's merchant portal, creates a product and sees it listed
//       (and on the public merchant page, "Sold by" it);
//   (c) the portal's orders list shows nothing of other merchants.
// Needs the seed's demo merchants (docs/merchant-api.md, "Demo data") and the admin enabled.
import { expectAttribute, expectText, openBrowser, STEP_TIMEOUT, stepFailure, trimSlash } from "./browser.mjs"

import { ADMIN } from "./api.mjs"

export { ADMIN }
export const PENDING_OWNER = { email: "owner@pending-pottery.local", password: "merchant-pass-123", handle: "pending-pottery" }
/** Approved demo merchants whose orders must never show up in another merchant's portal. */
const OTHER_OWNERS = ["owner@snail-goods.local", "owner@desert-wellness.local", "owner@slow-academy.local"]
const MERCHANT_PASSWORD = "merchant-pass-123"

/**
 * @param {{ storefrontUrl: string, adminUrl: string, executablePath?: string, headless?: boolean }} opts
 *   adminUrl: the Medusa server's URL (the admin dashboard is at `${adminUrl}/app`).
 */
export async function run({ storefrontUrl, adminUrl, executablePath, headless }) {
  const base = trimSlash(storefrontUrl)
  const backend = trimSlash(adminUrl)
  const { browser, page, consoleErrors } = await openBrowser({ executablePath, headless })

  let step = "start"
  try {
    // ── (a) platform admin approves the application ─────────────────────────
    step = "admin: sign in"
    await page.goto(`${backend}/app`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 3 })
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: STEP_TIMEOUT })

    step = "admin: open Merchants"
    const menuLink = page.locator('a[href="/app/merchants"]').first()
    if (await menuLink.isVisible({ timeout: 15_000 }).catch(() => false)) await menuLink.click()
    else await page.goto(`${backend}/app/merchants`, { waitUntil: "domcontentloaded" })
    await page.waitForURL("**/app/merchants**")

    step = `admin: open the PENDING "${PENDING_OWNER.handle}" application`
    const row = page.locator(`[data-testid="merchant-row-${PENDING_OWNER.handle}"]`)
    await row.waitFor()
    const rowText = await row.innerText()
    if (!/PENDING/.test(rowText)) throw new Error(`expected the row to say PENDING, got "${rowText.replace(/\s+/g, " ")}"`)
    await row.click()
    await page.waitForURL(/\/app\/merchants\/[^/]+$/)

    step = "admin: approve"
    await expectText(page.locator('[data-testid="merchant-status"]'), "PENDING")
    await page.locator('[data-testid="merchant-approve"]').click()
    await expectText(page.locator('[data-testid="merchant-status"]'), "APPROVED")

    // ── (b) the owner signs into the storefront's merchant portal ───────────
    step = "portal: sign in"
    await page.goto(`${base}/merchant/login`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 2 })
    await page.locator('[data-testid="merchant-login-email"]').fill(PENDING_OWNER.email)
    await page.locator('[data-testid="merchant-login-password"]').fill(PENDING_OWNER.password)
    await page.locator('[data-testid="merchant-login-submit"]').click()
    await Promise.race([
      page.locator('[data-testid="merchant-status"]').waitFor(),
      page.locator('[data-testid="merchant-login-error"]').waitFor().then(async () => {
        throw new Error(`sign-in refused: ${await page.locator('[data-testid="merchant-login-error"]').innerText()}`)
      }),
    ])
    await expectAttribute(page.locator('[data-testid="merchant-status"]'), "data-status", "APPROVED")
    // The dashboard's Products page: the list, and "New product" opens the form.
    await page.locator('[data-testid="dash-nav-products"]').click()

    step = "portal: create a product"
    const title = `E2E Vase ${Date.now()}`
    await page.locator('[data-testid="catalog-new"]').click()
    await page.locator('[data-testid="catalog-new-title"]').fill(title)
    await page.locator('[data-testid="catalog-new-kind"]').selectOption("PHYSICAL")
    await page.locator('[data-testid="catalog-new-price-eur"]').fill("42.50")
    await page.locator('[data-testid="catalog-new-stock"]').fill("5")
    await page.locator('[data-testid="catalog-new-submit"]').click()
    await Promise.race([
      page.locator('[data-testid="catalog-editor"][data-status="published"]').waitFor(),
      page.locator('[data-testid="catalog-new-error"]').waitFor().then(async () => {
        throw new Error(`product not created: ${await page.locator('[data-testid="catalog-new-error"]').innerText()}`)
      }),
    ])
    await page.locator('[data-testid="dash-nav-products"]').click()

    step = "portal: see the product in the list"
    const productRow = page.locator('[data-testid="merchant-product-row"]', { hasText: title })
    await productRow.waitFor()
    const handle = await productRow.getAttribute("data-handle")

    // ── (c) no other merchant's orders ───────────────────────────────────────
    step = "portal: orders list is empty"
    await page.locator('[data-testid="dash-nav-orders"]').click()
    await page.locator('[data-testid="dash-orders"]').waitFor()
    await page.locator('[data-testid="orders-empty"], [data-testid="orders-line-row"]').first().waitFor()
    const shownOrderIds = await page.locator('[data-testid="orders-line-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-order-id")))
    const othersOrderIds = await otherMerchantsOrderIds(backend)
    const leaked = shownOrderIds.filter((id) => othersOrderIds.has(id))
    if (leaked.length) throw new Error(`the portal shows other merchants' orders: ${leaked.join(", ")}`)
    // A merchant approved a minute ago has sold nothing: any row would belong to someone else.
    if (shownOrderIds.length) throw new Error(`expected no orders for a new merchant, found ${shownOrderIds.length}`)
    await page.locator('[data-testid="orders-empty"]').waitFor()

    // ── the store names the merchant ──────────────────────────────────────────
    step = "store: the merchant page lists the product"
    await page.goto(`${base}/merchants/${PENDING_OWNER.handle}`, { waitUntil: "domcontentloaded" })
    await page.locator('[data-testid="merchant-page"]').waitFor()
    const card = page.locator(`[data-testid="product-card"][data-handle="${handle}"]`)
    await card.waitFor()

    step = "store: the product page says who sells it"
    await card.locator('[data-testid="product-card-link"]').click()
    await page.waitForURL(`**/products/${handle}`)
    const soldBy = page.locator('[data-testid="product-merchant"]')
    await expectAttribute(soldBy, "data-merchant-handle", PENDING_OWNER.handle)
    await soldBy.locator('[data-testid="product-merchant-link"]').click()
    await page.waitForURL(`**/merchants/${PENDING_OWNER.handle}`)

    step = "store: an unknown merchant is a 404"
    await page.goto(`${base}/merchants/no-such-merchant-${Date.now()}`, { waitUntil: "domcontentloaded" })
    await page.locator('[data-testid="merchant-not-found"]').waitFor()

    step = "portal: sign out"
    await page.goto(`${base}/merchant`, { waitUntil: "domcontentloaded" })
    await page.locator('[data-testid="merchant-signout"]').click()
    await page.waitForURL("**/merchant/login")
  } catch (err) {
    throw await stepFailure({ test: "merchant", page, step, err, consoleErrors })
  } finally {
    await browser.close()
  }
}

/** Ids of the orders the other demo merchants see, through their own merchant API logins. */
async function otherMerchantsOrderIds(backend) {
  const ids = new Set()
  for (const email of OTHER_OWNERS) {
    const auth = await fetch(`${backend}/auth/merchant/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: MERCHANT_PASSWORD }),
    })
    if (!auth.ok) throw new Error(`${email} cannot sign in to the merchant API: HTTP ${auth.status} ${await auth.text()}`)
    const { token } = await auth.json()
    const res = await fetch(`${backend}/merchant/orders?limit=100`, { headers: { authorization: `Bearer ${token}` } })
    if (!res.ok) throw new Error(`GET /merchant/orders as ${email}: HTTP ${res.status} ${await res.text()}`)
    for (const o of (await res.json()).orders ?? []) ids.add(o.id)
  }
  return ids
}
