// Browser test of marketplace money (issue 5, "Done when"):
//   setup over HTTP: a buyer orders a Slow Academy course (COURSE) in EUR with the sandbox card;
//   the course line reaches ACCESS_GRANTED by itself (captured, its net booked to escrow);
//   (a) the admin opens the order in the Medusa admin and sees the "Marketplace split" widget with
//       the gross / commission / net the API computed, and the ledger booked so far;
//   (b) on the Payouts page the admin releases due escrow, runs a payout batch and sees Slow
//       Academy's payout (the amount its available balance held), downloads the bank-transfer file
//       and marks the payout paid;
//   (c) Slow Academy's owner opens the portal's Money page, sees the paid-out amount and downloads
//       the statement CSV, whose closing balance matches the ledger (the merchant balance API);
//   (d) the buyer reports a problem on the course line from the order page; the admin finds it in
//       the Disputes queue, replies and rejects it; the buyer's order page shows both.
// Needs the escrow hold at 0 in the server (scripts/test.mjs starts the e2e stack with
// ESCROW_HOLD_MS=0 unless set), the seed's demo merchants and the sandbox PSP.
import { SANDBOX_PROVIDER, http } from "./api.mjs"
import { readFile } from "node:fs/promises"
import { ADMIN } from "./merchant.e2e.mjs"
import { expectAttribute, expectContains, expectText, openBrowser, poll, STEP_TIMEOUT, stepFailure, trimSlash } from "./browser.mjs"

export const COURSE_HANDLE = "typescript-from-zero" // Slow Academy
export const ACADEMY_OWNER = { email: "owner@slow-academy.local", password: "merchant-pass-123" }
const SUCCESS_CARD = "4242424242424242"
const LOCALE = "en-GB"

/** Integer minor units → the string the UI shows (same Intl approach as the admin and portal). */
export function formatMinor(minor, currency, locale = LOCALE) {
  const exp = new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits
  const n = String(minor)
  const negative = n.startsWith("-")
  const digits = (negative ? n.slice(1) : n).padStart(exp + 1, "0")
  const major = (negative ? "-" : "") + digits.slice(0, digits.length - exp) + (exp ? "." + digits.slice(digits.length - exp) : "")
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(major)
}

/**
 * @param {{ storefrontUrl: string, backendUrl: string, executablePath?: string, headless?: boolean }} opts
 * @returns {Promise<{ orderId: string, payout: string, closing: string }>}
 */
export async function run({ storefrontUrl, backendUrl, executablePath, headless }) {
  const base = trimSlash(storefrontUrl)
  const backend = trimSlash(backendUrl)
  const { browser, page, consoleErrors } = await openBrowser({ executablePath, headless, viewport: { width: 1400, height: 1000 }, locale: LOCALE })
  page.on("dialog", (d) => d.accept())

  let step = "setup: a buyer orders a course (HTTP)"
  try {
    const admin = await login(backend, "/auth/user/emailpass", ADMIN)
    const { orderId, academyId, buyer } = await placeCourseOrder(backend, admin)

    step = "setup: the course line reaches ACCESS_GRANTED and its split exists"
    await poll(async () => {
      const { lines } = await http(backend, "GET", `/admin/orders/${orderId}/lines`, { token: admin })
      const state = lines.find((l) => l.kind === "COURSE")?.state
      return { ok: state === "ACCESS_GRANTED", actual: state }
    }, "course line did not reach ACCESS_GRANTED", 60_000)
    const { splits } = await http(backend, "GET", `/admin/orders/${orderId}/splits`, { token: admin })
    const split = splits.find((s) => s.merchant_id === academyId)
    if (!split || splits.length !== 1) throw new Error(`expected one split for Slow Academy, got ${JSON.stringify(splits)}`)
    if (split.gross - split.commission !== split.net) throw new Error(`split does not add up: ${JSON.stringify(split)}`)
    const cur = split.currency_code

    // ── (a) the admin sees the split on the order page ────────────────────
    step = "admin: sign in"
    await page.goto(`${backend}/app`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 3 })
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: STEP_TIMEOUT })

    step = "admin: the order page shows the Marketplace split widget"
    await page.goto(`${backend}/app/orders/${orderId}`, { waitUntil: "domcontentloaded" })
    const row = page.locator(`[data-testid="marketplace-split-widget"] [data-testid="split-row"][data-merchant-id="${academyId}"]`)
    await row.waitFor({ timeout: STEP_TIMEOUT * 2 })
    for (const f of ["gross", "discount", "platform_discount", "tax", "commission", "commission_vat", "net"]) {
      await expectText(row.locator(`[data-testid="split-${f}"]`), formatMinor(split[f], cur))
    }
    await page.locator('[data-testid="split-line"]').first().waitFor()
    // The capture booked the merchant's net to escrow and the commission to platform revenue.
    await page.locator('[data-testid="split-ledger-row"][data-account="MERCHANT_ESCROW"]').waitFor()
    await page.locator('[data-testid="split-ledger-row"][data-account="PLATFORM_REVENUE"]').waitFor()

    // ── (b) Payouts page: release, run a batch, export, mark paid ─────────
    step = "admin: open Payouts"
    const menuLink = page.locator('a[href="/app/payouts"]').first()
    if (await menuLink.isVisible({ timeout: 10_000 }).catch(() => false)) await menuLink.click()
    else await page.goto(`${backend}/app/payouts`, { waitUntil: "domcontentloaded" })
    await page.waitForURL("**/app/payouts**")
    await page.locator('[data-testid="payouts-page"]').waitFor()

    step = "admin: release due escrow (hold 0 in the e2e stack)"
    // Wait for the release run to answer: it releases line after line, so a balance read in the
    // middle would not be what the batch then pays.
    await Promise.all([
      page.waitForResponse((r) => r.url().includes("/admin/escrow/release") && r.request().method() === "POST"),
      page.locator('[data-testid="escrow-release"]').click(),
    ])
    let available = 0
    await poll(async () => {
      const { balances } = await http(backend, "GET", `/admin/merchants/${academyId}/balance`, { token: admin })
      available = balances.find((b) => b.currency_code === cur)?.available ?? 0
      return { ok: available >= split.net, actual: JSON.stringify(balances) }
    }, `Slow Academy's available balance did not reach the course's net ${split.net}`, 30_000)

    step = "admin: run a payout batch"
    const batchesBefore = (await http(backend, "GET", "/admin/payout-batches", { token: admin })).payout_batches.map((b) => b.id)
    await page.locator('[data-testid="run-payout-batch"]').click()
    let batch
    await poll(async () => {
      const { payout_batches } = await http(backend, "GET", "/admin/payout-batches", { token: admin })
      batch = payout_batches.find((b) => !batchesBefore.includes(b.id))
      // The batch row exists before its payouts are written: wait for the run to finish (the POST answers then).
      return { ok: !!batch && batch.payouts.some((p) => p.merchant_id === academyId), actual: `${payout_batches.length} batches, new: ${JSON.stringify(batch ?? null)}` }
    }, "no new payout batch with Slow Academy's payout")
    const payout = batch.payouts.find((p) => p.merchant_id === academyId)
    if (!payout || payout.amount !== available) throw new Error(`expected a payout of ${available} to Slow Academy, got ${JSON.stringify(batch.payouts)}`)
    const block = page.locator(`[data-testid="payout-batch"][data-batch-id="${batch.id}"]`)
    const payoutRow = block.locator(`[data-testid="payout-row"][data-payout-id="${payout.id}"]`)
    await expectText(payoutRow.locator('[data-testid="payout-amount"]'), formatMinor(available, cur))
    await expectText(payoutRow.locator('[data-testid="payout-status"]'), "PENDING")

    step = "admin: download the bank-transfer file"
    const [download] = await Promise.all([page.waitForEvent("download"), block.locator('[data-testid="batch-export"]').click()])
    const bankFile = await readFile(await download.path(), "utf8")
    const major = formatMinor(available, cur, "en-US").replace(/[^\d.]/g, "")
    if (!bankFile.includes(payout.id) || !bankFile.includes(`,${major},${cur.toUpperCase()},`)) {
      throw new Error(`bank file ${download.suggestedFilename()} lacks payout ${payout.id} of ${major}: ${bankFile.slice(0, 400)}`)
    }

    step = "admin: mark the payout paid"
    await payoutRow.locator('[data-testid="payout-mark-paid"]').click()
    await expectAttribute(payoutRow, "data-status", "PAID")

    // ── (c) the merchant's Money page and statement ───────────────────────
    step = "portal: Slow Academy's owner signs in"
    await page.goto(`${base}/merchant/login`, { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT * 2 })
    await page.locator('[data-testid="merchant-login-email"]').fill(ACADEMY_OWNER.email)
    await page.locator('[data-testid="merchant-login-password"]').fill(ACADEMY_OWNER.password)
    await page.locator('[data-testid="merchant-login-submit"]').click()
    await page.locator('[data-testid="merchant-status"]').waitFor()

    step = "portal: the Money page shows the paid-out amount"
    await page.locator('[data-testid="merchant-nav-money"]').click()
    await page.waitForURL("**/merchant/money")
    const merchantToken = await login(backend, "/auth/merchant/emailpass", ACADEMY_OWNER)
    const { balances } = await http(backend, "GET", "/merchant/balance", { token: merchantToken })
    const bal = balances.find((b) => b.currency_code === cur)
    if (!bal || bal.paid_out < available) throw new Error(`merchant balance API: ${JSON.stringify(balances)}`)
    const balRow = page.locator(`[data-testid="money-balance-row"][data-currency="${cur}"]`)
    await expectText(balRow.locator('[data-testid="money-paid-out"]'), formatMinor(bal.paid_out, cur))
    await expectText(balRow.locator('[data-testid="money-available"]'), formatMinor(bal.available, cur))
    await expectText(balRow.locator('[data-testid="money-escrow"]'), formatMinor(bal.escrow, cur))
    await page.locator('[data-testid="money-payout-row"][data-status="PAID"]').first().waitFor()

    step = "portal: download the statement CSV; its closing balance is the ledger's"
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="money-statement-download"]').click()])
    await expectContains(page.locator('[data-testid="money-statement-downloaded"]'), ".csv")
    const csv = (await readFile(await csvDownload.path(), "utf8")).trim().split(/\r?\n/).map((r) => r.split(","))
    const header = csv[0]
    const typeCol = header.indexOf("type")
    const closing = csv.find((r) => r[typeCol] === "closing_balance" && r.some((c) => c.toLowerCase() === cur))
    if (!closing) throw new Error(`no ${cur} closing_balance row in ${csvDownload.suggestedFilename()}: ${csv.map((r) => r.join(",")).join(" | ")}`)
    const expectedClosing = formatMinor(bal.escrow + bal.available, cur, "en-US").replace(/[^\d.-]/g, "")
    if (closing.at(-1) !== expectedClosing) throw new Error(`statement closes at ${closing.at(-1)}, the ledger says ${expectedClosing}`)
    for (const kind of ["capture", "release", "payout"]) {
      if (!csv.some((r) => r[typeCol] === kind)) throw new Error(`statement has no "${kind}" row`)
    }
    // This order's capture: the merchant's net into escrow, with the commission the split kept.
    const col = (name) => header.indexOf(name)
    const majorOf = (minor) => formatMinor(minor, cur, "en-US").replace(/[^\d.-]/g, "")
    const capture = csv.find((r) => r[typeCol] === "capture" && r[col("order_id")] === orderId)
    if (!capture || capture[col("amount")] !== majorOf(split.net) || capture[col("commission")] !== majorOf(split.commission)) {
      throw new Error(`statement's capture row for ${orderId} is ${capture?.join(",")}; the split says net ${split.net}, commission ${split.commission}`)
    }
    // The on-screen statement closes at the same figure.
    await expectAttribute(page.locator(`[data-testid="money-statement-currency"][data-currency="${cur}"] [data-testid="money-closing"]`), "data-minor", String(bal.escrow + bal.available))

    // ── (d) the buyer reports a problem; the admin replies and rejects it ──
    step = "buyer: sign in and open the order"
    await page.goto(`${base}/account/login?next=${encodeURIComponent(`/orders/${orderId}`)}`, { waitUntil: "domcontentloaded" })
    await page.locator('[data-testid="account-email-input"]').fill(buyer.email)
    await page.locator('[data-testid="account-password-input"]').fill(buyer.password)
    await page.locator('[data-testid="account-submit"]').click()
    await page.waitForURL(`**/orders/${orderId}`)
    const courseLine = page.locator('[data-testid="order-line"][data-kind="COURSE"]')

    step = "buyer: report a problem on the paid course line"
    await courseLine.locator('[data-testid="order-line-report"]').click()
    await courseLine.locator('[data-testid="dispute-reason"]').selectOption("ACCESS_PROBLEM")
    await courseLine.locator('[data-testid="dispute-message-input"]').fill("The videos of chapter 3 do not play")
    await courseLine.locator('[data-testid="dispute-submit"]').click()
    const lineDispute = courseLine.locator('[data-testid="line-dispute"]')
    await expectAttribute(lineDispute, "data-status", "OPEN")
    await expectText(lineDispute.locator('[data-testid="line-dispute-status"]'), "Open, under review")
    await lineDispute.locator('[data-testid="dispute-message"][data-author="buyer"]').waitFor()
    const disputeId = await lineDispute.getAttribute("data-dispute-id")

    step = "portal: Slow Academy answers the buyer on its Money page (issue 22: the merchant replies to a dispute)"
    await page.goto(`${base}/merchant/money`, { waitUntil: "domcontentloaded" })
    const merchantDispute = page.locator(`[data-testid="money-dispute"][data-dispute-id="${disputeId}"]`)
    await expectAttribute(merchantDispute, "data-status", "OPEN")
    await expectContains(merchantDispute.locator('[data-testid="dispute-message"][data-author="buyer"]'), "chapter 3")
    await merchantDispute.locator('[data-testid="dispute-reply-input"]').fill("Sorry! Chapter 3 is re-encoded now, please try again")
    await merchantDispute.locator('[data-testid="dispute-reply-send"]').click()
    await expectContains(merchantDispute.locator('[data-testid="dispute-message"][data-author="merchant"]'), "re-encoded")

    step = "admin: the Disputes queue shows it; reply and reject"
    await page.goto(`${backend}/app/disputes`, { waitUntil: "domcontentloaded" })
    await page.locator(`[data-testid="dispute-row"][data-dispute-id="${disputeId}"] [data-testid="dispute-open"]`).click()
    const detail = page.locator(`[data-testid="dispute-detail"][data-dispute-id="${disputeId}"]`)
    await expectContains(detail.locator('[data-testid="dispute-message"][data-author="buyer"]'), "chapter 3")
    await detail.locator('[data-testid="dispute-reply"]').fill("Fixed the player, please try again")
    await detail.locator('[data-testid="dispute-send"]').click()
    await detail.locator('[data-testid="dispute-message"][data-author="admin"]').waitFor()
    await detail.locator('[data-testid="dispute-note"]').fill("player fixed")
    await detail.locator('[data-testid="dispute-reject"]').click()
    await expectAttribute(detail, "data-status", "REJECTED")

    step = "buyer: the order page shows the rejection, the merchant's answer and the admin's message"
    await page.goto(`${base}/orders/${orderId}`, { waitUntil: "domcontentloaded" })
    await expectAttribute(lineDispute, "data-status", "REJECTED")
    await expectContains(lineDispute.locator('[data-testid="dispute-message"][data-author="admin"]'), "Fixed the player")
    await expectContains(lineDispute.locator('[data-testid="dispute-message"][data-author="merchant"]'), "re-encoded")

    return { orderId, payout: formatMinor(available, cur), closing: expectedClosing }
  } catch (err) {
    throw await stepFailure({ test: "money", page, step, err, consoleErrors })
  } finally {
    await browser.close()
  }
}

// ── HTTP helpers ──────────────────────────────────────────────────────────

async function login(backend, path, creds) {
  return (await http(backend, "POST", path, { body: creds })).token
}

/** A new buyer orders the Slow Academy course in the Europe region, paying with the sandbox card. */
async function placeCourseOrder(backend, admin) {
  const { regions } = await http(backend, "GET", "/admin/regions?currency_code=eur&fields=id,*payment_providers", { token: admin })
  const europe = regions[0]
  if (!europe) throw new Error("no EUR region (seed missing?)")
  const providers = (europe.payment_providers ?? []).map((p) => p.id)
  if (!providers.includes(SANDBOX_PROVIDER)) {
    await http(backend, "POST", `/admin/regions/${europe.id}`, { token: admin, body: { payment_providers: [...providers, SANDBOX_PROVIDER] } })
  }
  const { api_keys } = await http(backend, "GET", "/admin/api-keys?type=publishable&limit=1", { token: admin })
  const pk = api_keys?.[0]?.token
  if (!pk) throw new Error("no publishable API key")
  const { merchants } = await http(backend, "GET", "/admin/merchants?q=slow-academy&limit=5", { token: admin })
  const academy = merchants.find((m) => m.handle === "slow-academy")
  if (!academy) throw new Error(`no slow-academy merchant: ${merchants.map((m) => m.handle)}`)

  const email = `money-buyer-${Date.now().toString(36)}@e2e.local`
  const reg = await http(backend, "POST", "/auth/customer/emailpass/register", { body: { email, password: "buyer-pass-123" } })
  await http(backend, "POST", "/store/customers", { token: reg.token, pk, body: { email, first_name: "Mona", last_name: "Buyer" } })
  const buyer = await login(backend, "/auth/customer/emailpass", { email, password: "buyer-pass-123" })

  const { products } = await http(backend, "GET", `/store/products?handle=${COURSE_HANDLE}&region_id=${europe.id}&fields=id,*variants`, { pk })
  const variant = products?.[0]?.variants?.[0]
  if (!variant) throw new Error(`no variant for ${COURSE_HANDLE}`)
  const { cart } = await http(backend, "POST", "/store/carts", { token: buyer, pk, body: { region_id: europe.id, email } })
  await http(backend, "POST", `/store/carts/${cart.id}/line-items`, { token: buyer, pk, body: { variant_id: variant.id, quantity: 1 } })
  const { payment_collection } = await http(backend, "POST", "/store/payment-collections", { token: buyer, pk, body: { cart_id: cart.id } })
  await http(backend, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    token: buyer, pk, body: { provider_id: SANDBOX_PROVIDER, data: { card_number: SUCCESS_CARD } },
  })
  const done = await http(backend, "POST", `/store/carts/${cart.id}/complete`, { token: buyer, pk, body: {} })
  if (done.type !== "order") throw new Error(`cart not completed: ${JSON.stringify(done).slice(0, 300)}`)
  return { orderId: done.order.id, academyId: academy.id, buyer: { email, password: "buyer-pass-123" } }
}
