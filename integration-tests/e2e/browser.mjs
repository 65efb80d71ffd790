// What the browser tests share: Debian's Chromium via playwright-core (no bundled browsers are
// downloaded), browser-side error collection, a screenshot and a readable error on failure, and
// small waiting expectations on locators.
import { mkdir } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { chromium } from "playwright-core"

const here = path.dirname(fileURLToPath(import.meta.url))
export const SCREENSHOT_DIR = path.join(here, "screenshots")

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

// Generous: the first request to `next dev` (and to the admin's dev bundle) compiles on demand.
export const STEP_TIMEOUT = 60_000

/** `url` without trailing slashes, so paths can be appended. */
export const trimSlash = (url) => url.replace(/\/+$/, "")

/**
 * Launches Chromium with one page (default timeout STEP_TIMEOUT) whose browser-side errors
 * (console errors, uncaught exceptions, failed requests) are collected into `consoleErrors`:
 * they explain most failures (CORS, bad publishable key...).
 * @param {{ executablePath?: string, headless?: boolean, viewport?: { width: number, height: number }, locale?: string }} [opts]
 */
export async function openBrowser({ executablePath = CHROMIUM_PATH, headless = true, viewport = { width: 1280, height: 900 }, locale, timezoneId } = {}) {
  const browser = await chromium.launch({ executablePath, headless, args: CHROMIUM_ARGS })
  const context = await browser.newContext({ viewport, ...(locale ? { locale } : {}), ...(timezoneId ? { timezoneId } : {}) })
  const page = await context.newPage()
  page.setDefaultTimeout(STEP_TIMEOUT)
  const consoleErrors = []
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(`${m.text()} [${m.location().url}]`))
  page.on("pageerror", (e) => consoleErrors.push(String(e)))
  page.on("requestfailed", (r) => consoleErrors.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`))
  return { browser, page, consoleErrors }
}

/** Saves a full-page screenshot named after the test and the step; returns its path, or null if it could not be taken. */
export async function screenshotOnFailure(page, test, step) {
  try {
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    const slug = step.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").slice(0, 40)
    const file = path.join(SCREENSHOT_DIR, `${test}-${new Date().toISOString().replace(/[:.]/g, "-")}-${slug}.png`)
    await page.screenshot({ path: file, fullPage: true })
    return file
  } catch {
    return null
  }
}

/**
 * The error a test throws when `step` failed: takes a screenshot and names the step, the page's URL,
 * the screenshot and the last browser-side errors.
 */
export async function stepFailure({ test, page, step, err, consoleErrors }) {
  const shot = await screenshotOnFailure(page, test, step)
  const details = consoleErrors.length ? `\nbrowser console errors:\n  ${consoleErrors.slice(-10).join("\n  ")}` : ""
  return new Error(
    `${test} e2e failed at step "${step}" (url ${page.url()}): ${err instanceof Error ? err.message : err}` +
      `\nscreenshot: ${shot ?? "(could not be taken)"}${details}`,
    { cause: err }
  )
}

// ── waiting expectations ────────────────────────────────────────────────────

/** Calls `check` (→ { ok, actual }) until ok; throws `${describe}, got <actual>` after `timeout`. */
export async function poll(check, describe, timeout = STEP_TIMEOUT) {
  const deadline = Date.now() + timeout
  for (;;) {
    const { ok, actual } = await check()
    if (ok) return
    if (Date.now() > deadline) throw new Error(`${describe}, got ${JSON.stringify(actual)}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

export async function waitEnabled(locator, describe = "button stayed disabled") {
  await locator.waitFor()
  await poll(async () => ({ ok: await locator.isEnabled(), actual: "disabled" }), describe)
}

export async function waitCount(locator, n) {
  await poll(async () => {
    const c = await locator.count()
    return { ok: c === n, actual: c }
  }, `expected ${n} elements`)
}

/** Waits until the element's trimmed text equals `expected`. */
export async function expectText(locator, expected, timeout = STEP_TIMEOUT) {
  await locator.waitFor({ timeout })
  await poll(async () => {
    const actual = (await locator.innerText()).trim()
    return { ok: actual === expected, actual }
  }, `expected text "${expected}"`, timeout)
}

/** Waits until the element's trimmed text contains `expected`. */
export async function expectContains(locator, expected, timeout = STEP_TIMEOUT) {
  await locator.waitFor({ timeout })
  await poll(async () => {
    const actual = (await locator.innerText()).trim()
    return { ok: actual.includes(expected), actual }
  }, `expected text containing "${expected}"`, timeout)
}

/** Waits until the input's value equals `expected`. */
export async function expectValue(locator, expected) {
  await locator.waitFor()
  await poll(async () => {
    const actual = await locator.inputValue()
    return { ok: actual === expected, actual }
  }, `expected input value "${expected}"`)
}

/** Waits until the element's attribute `name` equals `expected`. */
export async function expectAttribute(locator, name, expected, timeout = STEP_TIMEOUT) {
  await locator.waitFor({ timeout })
  await poll(async () => {
    const actual = await locator.getAttribute(name)
    return { ok: actual === expected, actual }
  }, `expected ${name}="${expected}"`, timeout)
}

// ── accessibility (axe-core, injected into the page) ────────────────────────

const AXE_PATH = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url))

/**
 * Runs axe-core (WCAG 2 A/AA rules) on the page as it is now; throws naming every serious or
 * critical violation (rule, impact, first nodes). Minor and moderate findings are returned.
 */
export async function expectAccessible(page, label) {
  // Next streams a page's metadata after its content on client-side navigation: the <title> can
  // arrive a moment after the heading does (a cold production server, CI). Every page has one, so
  // wait for it (10 s) rather than audit the page mid-navigation; a page without one still fails.
  await page.waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 10_000 }).catch(() => undefined)
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_PATH })
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }))
  })
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical")
  if (bad.length) throw new Error(`axe on ${label}: ${bad.map((v) => `${v.id} (${v.impact}: ${v.help}) at ${v.nodes.join(", ")}`).join("; ")}`)
  return result
}

/**
 * People never see a raw code, id or enum: the visible text of the page holds no SCREAMING_SNAKE
 * word (an error code or a state) and no Medusa or marketplace id (order_01…, oline_01…). Text the
 * page shows on purpose as a code (a tracking or licence number) is not of either shape.
 */
export async function expectNoRawCodes(page, label) {
  const text = await page.evaluate(() => document.body.innerText)
  const code = /\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/.exec(text)
  const id = /\b(?:order|oline|cart|prod|variant|cgrant|cus|pay|reg|merch)_[0-9A-Z]{10,}\b/.exec(text)
  if (code || id) throw new Error(`${label}: a raw ${code ? "code" : "id"} is shown to people: "${(code ?? id)[0]}"`)
}

/** Phone layouts: nothing wider than the screen (no sideways scrolling). */
export async function expectNoHorizontalOverflow(page, label) {
  const { scroll, width, culprit } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const wide = [...document.querySelectorAll("body *")].find((e) => {
      const r = e.getBoundingClientRect()
      return r.width > 0 && (r.right > width + 1 || r.left < -1)
    })
    return { scroll: document.documentElement.scrollWidth, width, culprit: wide ? `${wide.tagName.toLowerCase()}.${wide.className}` : null }
  })
  if (scroll > width + 1) throw new Error(`${label}: the page is ${scroll}px wide on a ${width}px screen (first wide element: ${culprit})`)
}

/** With E2E_SHOTS=<folder>, saves a full-page screenshot named `name` (for people reviewing the pages; off by default). */
export async function snap(page, name) {
  const dir = process.env.E2E_SHOTS
  if (!dir) return
  await mkdir(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true }).catch(() => {})
}
