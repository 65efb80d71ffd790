// Browser test of the storefront's buying path, in Debian's Chromium via
// playwright-core (no bundled browsers are downloaded).
import { expectText, openBrowser, STEP_TIMEOUT, stepFailure, trimSlash, waitEnabled } from "./browser.mjs"

/**
 * home → product → add to cart → cart shows it (count 1) → remove → empty.
 * Throws on failure after saving a full-page screenshot.
 * @param {{ storefrontUrl: string, executablePath?: string, headless?: boolean }} opts
 */
export async function run({ storefrontUrl, executablePath, headless }) {
  const base = trimSlash(storefrontUrl)
  const { browser, page, consoleErrors } = await openBrowser({ executablePath, headless })

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
    await waitEnabled(addButton, "add-to-cart button stayed disabled (no price in region?)")

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
    throw await stepFailure({ test: "storefront", page, step, err, consoleErrors })
  } finally {
    await browser.close()
  }
}
