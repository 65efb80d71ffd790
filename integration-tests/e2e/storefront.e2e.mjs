// Browser test of the storefront's buying path, in Debian's Chromium via
// playwright-core (no bundled browsers are downloaded).
import { mkdir } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { chromium } from "playwright-core"

const here = path.dirname(fileURLToPath(import.meta.url))
export const SCREENSHOT_DIR = path.join(here, "screenshots")

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

// Generous: the first request to `next dev` compiles each page on demand.
const STEP_TIMEOUT = 60_000

/**
 * home → product → add to cart → cart shows it (count 1) → remove → empty.
 * Throws on failure after saving a full-page screenshot.
 * @param {{ storefrontUrl: string, executablePath?: string, headless?: boolean }} opts
 */
export async function run({ storefrontUrl, executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium", headless = true }) {
  const base = storefrontUrl.replace(/\/+$/, "")
  const browser = await chromium.launch({ executablePath, headless, args: CHROMIUM_ARGS })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(STEP_TIMEOUT)
  // Browser-side errors explain most failures (CORS, bad publishable key...).
  const consoleErrors = []
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(`${m.text()} [${m.location().url}]`))
  page.on("pageerror", (e) => consoleErrors.push(String(e)))
  page.on("requestfailed", (r) => consoleErrors.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`))

  let step = "start"
  try {
    step = "open home page"
    await page.goto(`${base}/`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 2 })
    const errorBox = page.locator('[data-testid="config-error"], [data-testid="error"]')

    step = "see products"
    const cards = page.locator('[data-testid="product-card"]')
    await Promise.race([
      cards.first().waitFor(),
      errorBox.first().waitFor().then(async () => {
        throw new Error(`page shows an error: ${await errorBox.first().innerText()}`)
      }),
    ])
    // Pick a product that is sold in the current region.
    const card = page.locator('[data-testid="product-card"][data-has-price="true"]').first()
    await card.waitFor()
    const handle = await card.getAttribute("data-handle")

    step = `open product "${handle}"`
    await card.locator('[data-testid="product-card-link"]').click()
    await page.waitForURL(`**/products/${handle}`)
    await page.locator('[data-testid="product-title"]').waitFor()
    const addButton = page.locator('[data-testid="add-to-cart"]')
    await expectEnabled(addButton)

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
    await expectText(page.locator('[data-testid="cart-count"]'), "1")

    step = "remove it"
    await lines.first().locator('[data-testid="cart-line-remove"]').click()
    await page.locator('[data-testid="cart-empty"]').waitFor()
    await expectText(page.locator('[data-testid="cart-count"]'), "0")
  } catch (err) {
    const shot = await screenshot(page, step)
    const details = consoleErrors.length ? `\nbrowser console errors:\n  ${consoleErrors.slice(-10).join("\n  ")}` : ""
    throw new Error(
      `storefront e2e failed at step "${step}" (url ${page.url()}): ${err instanceof Error ? err.message : err}` +
        `\nscreenshot: ${shot ?? "(could not be taken)"}${details}`,
      { cause: err }
    )
  } finally {
    await browser.close()
  }
}

async function expectEnabled(locator) {
  await locator.waitFor()
  const deadline = Date.now() + STEP_TIMEOUT
  while (!(await locator.isEnabled())) {
    if (Date.now() > deadline) throw new Error("add-to-cart button stayed disabled (no price in region?)")
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Waits until the element's trimmed text equals `expected`. */
async function expectText(locator, expected, timeout = STEP_TIMEOUT) {
  await locator.waitFor({ timeout })
  const deadline = Date.now() + timeout
  let actual
  for (;;) {
    actual = (await locator.innerText()).trim()
    if (actual === expected) return
    if (Date.now() > deadline) break
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`expected text "${expected}", got "${actual}"`)
}

async function screenshot(page, step) {
  try {
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    const slug = step.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").slice(0, 40)
    const file = path.join(SCREENSHOT_DIR, `storefront-${new Date().toISOString().replace(/[:.]/g, "-")}-${slug}.png`)
    await page.screenshot({ path: file, fullPage: true })
    return file
  } catch {
    return null
  }
}
