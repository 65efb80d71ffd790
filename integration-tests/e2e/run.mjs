// Runs the browser e2e test against an already running stack:
//   STOREFRONT_URL      (default http://localhost:8000)
//   MEDUSA_BACKEND_URL  (default http://localhost:9000)
//   CHROMIUM_PATH       (default /usr/bin/chromium)
//   E2E_TESTS           comma-separated subset of "storefront,merchant,checkout,vat,course,fiscal,booking,money,catalog,dashboard,dashboard-i18n,delivery,admin-order" (default all)
// The merchant test also drives the Medusa admin at MEDUSA_BACKEND_URL/app (admin must be enabled).
// The checkout test uses the admin API (enables the sandbox payment provider on the Europe region,
// creates a test promotion) and the merchant API of the demo merchant Snail Goods.
// Waits for both to answer first (the storefront's first compile under
// `next dev` can be slow), then runs the test; exits non-zero on failure.
import { existsSync } from "node:fs"
import { pathToFileURL } from "node:url"
import { CHROMIUM_PATH, trimSlash } from "./browser.mjs"
import { run as runAdminOrder } from "./admin-order.e2e.mjs"
import { run as runBooking } from "./booking.e2e.mjs"
import { run as runCatalog } from "./catalog.e2e.mjs"
import { run as runCheckout } from "./checkout.e2e.mjs"
import { run as runCourse } from "./course.e2e.mjs"
import { run as runFiscal } from "./fiscal.e2e.mjs"
import { run as runMerchant } from "./merchant.e2e.mjs"
import { run as runDashboard } from "./dashboard.e2e.mjs"
import { run as runDashboardI18n } from "./dashboard-i18n.e2e.mjs"
import { run as runDelivery } from "./delivery.e2e.mjs"
import { run as runMoney } from "./money.e2e.mjs"
import { run } from "./storefront.e2e.mjs"
import { run as runVat } from "./vat.e2e.mjs"

const STOREFRONT_URL = process.env.STOREFRONT_URL || "http://localhost:8000"
const MEDUSA_BACKEND_URL = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
const TESTS = (process.env.E2E_TESTS || "storefront,merchant,checkout,vat,course,fiscal,booking,money,catalog,dashboard,dashboard-i18n,delivery,admin-order").split(",").map((s) => s.trim())
const WAIT_MS = Number(process.env.E2E_WAIT_TIMEOUT_MS || 180_000)

/** Polls `url` until it answers with a status below 500 (any page counts as "up"). */
export async function waitForHttp(url, label, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs
  let last = "no answer"
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(30_000) })
      if (res.status < 500) return
      last = `HTTP ${res.status}`
    } catch (e) {
      last = e instanceof Error ? (e.cause?.code ?? e.message) : String(e)
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`${label} at ${url} did not answer within ${timeoutMs / 1000}s (last: ${last})`)
}

async function main() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`)
  }
  const started = Date.now()
  // Storefront first: requesting "/" also triggers its first compile.
  await waitForHttp(STOREFRONT_URL, "storefront")
  await waitForHttp(`${trimSlash(MEDUSA_BACKEND_URL)}/health`, "Medusa server")
  console.log(`[e2e] stack is up (${Math.round((Date.now() - started) / 1000)}s); running ${TESTS.join(" + ")} against ${STOREFRONT_URL}`)
  if (TESTS.includes("storefront")) {
    await run({ storefrontUrl: STOREFRONT_URL, backendUrl: MEDUSA_BACKEND_URL, executablePath: CHROMIUM_PATH })
    console.log(`[e2e] PASS storefront: server HTML (title, price, JSON-LD, hreflang, sitemap) → home → product → add to cart → cart → remove → header search → facets, sort, pages in the URL (${Math.round((Date.now() - started) / 1000)}s)`)
  }
  if (TESTS.includes("merchant")) {
    const merchantStarted = Date.now()
    await runMerchant({ storefrontUrl: STOREFRONT_URL, adminUrl: MEDUSA_BACKEND_URL, executablePath: CHROMIUM_PATH })
    console.log(
      `[e2e] PASS merchant: admin approves → owner signs in → creates product → own orders only → store shows "Sold by" (${Math.round((Date.now() - merchantStarted) / 1000)}s)`
    )
  }
  if (TESTS.includes("dashboard")) {
    const dashboardStarted = Date.now()
    const r = await runDashboard({ storefrontUrl: STOREFRONT_URL, backendUrl: MEDUSA_BACKEND_URL, executablePath: CHROMIUM_PATH, shots: process.env.E2E_SHOTS })
    console.log(
      `[e2e] PASS dashboard: Snail Goods owner → Home checklist + order to ship → starts fulfilment (capture shown) → ships ${r.tracking} → refunds 100.00 RUB (net ${r.net} minor shown first) → packing slip → invites a fulfilment member, who sees no refund and is refused one (403) (${Math.round((Date.now() - dashboardStarted) / 1000)}s)`
    )
  }
  if (TESTS.includes("delivery")) {
    const deliveryStarted = Date.now()
    const r = await runDelivery({ storefrontUrl: STOREFRONT_URL, backendUrl: MEDUSA_BACKEND_URL, executablePath: CHROMIUM_PATH, shots: process.env.E2E_SHOTS })
    console.log(`[e2e] PASS delivery: Snail Goods adds zone "${r.zoneName}" (${r.country}) with a 7.50 option in every currency → a buyer there is offered it → price 9.00 → option and zone deleted, no longer offered → Desert Wellness: day off ${r.dayOff}, closed ${r.closedDay}, extra slot ${r.extraDay} 13:00 → the buyer's slots follow, the extra slot is held in a cart (${Math.round((Date.now() - deliveryStarted) / 1000)}s)`)
  }
  if (TESTS.includes("checkout")) {
    const checkoutStarted = Date.now()
    const { orderId, tracking } = await runCheckout({ storefrontUrl: STOREFRONT_URL, backendUrl: MEDUSA_BACKEND_URL, executablePath: CHROMIUM_PATH })
    console.log(
      `[e2e] PASS checkout: buyer registers → mixed cart (sellers shown, course once) → summary lines and rows add up → promo → declined card → 3-D Secure challenge page → order ${orderId} charged what was shown → course ACCESS_GRANTED → merchant ships, buyer sees SHIPPED ${tracking} live → course refunded as a row, total now = charged → delivered mug: return with its refund (${Math.round((Date.now() - checkoutStarted) / 1000)}s)`
    )
  }
  if (TESTS.includes("vat")) {
    const vatStarted = Date.now()
    const { orderId, file, bytes } = await runVat({ storefrontUrl: STOREFRONT_URL, backendUrl: MEDUSA_BACKEND_URL, executablePath: CHROMIUM_PATH })
    console.log(`[e2e] PASS vat: UAE buyer sees VAT 12.50 AED at checkout → pays → order ${orderId} lists the tax invoice with the TRN → downloads ${file} (${bytes} bytes) (${Math.round((Date.now() - vatStarted) / 1000)}s)`)
  }
  if (TESTS.includes("course")) {
    const courseStarted = Date.now()
    const { grantId } = await runCourse({ storefrontUrl: STOREFRONT_URL, backendUrl: MEDUSA_BACKEND_URL, executablePath: CHROMIUM_PATH })
    console.log(
      `[e2e] PASS course: mixed cart → course granted → My courses → download + HLS stream via signed URLs → notes 16 % → PDF 99 % → refund refused with reason → video 100 % → admin widget revokes → buyer sees it revoked (grant ${grantId}, ${Math.round((Date.now() - courseStarted) / 1000)}s)`
    )
  }
  if (TESTS.includes("fiscal")) {
    const fiscalStarted = Date.now()
    const { orderId } = await runFiscal({ backendUrl: MEDUSA_BACKEND_URL, executablePath: CHROMIUM_PATH })
    console.log(`[e2e] PASS fiscal: RUB order ${orderId} → admin order page shows the prepayment receipt DONE with FN/FD/FPD → Receipts page (${Math.round((Date.now() - fiscalStarted) / 1000)}s)`)
  }
  if (TESTS.includes("booking")) {
    const bookingStarted = Date.now()
    const { first, second, fee, guestOrder } = await runBooking({ storefrontUrl: STOREFRONT_URL, backendUrl: MEDUSA_BACKEND_URL, executablePath: CHROMIUM_PATH, shots: process.env.E2E_SHOTS })
    console.log(
      `[e2e] PASS booking: buyer picks ${first} (Dubai slot, Berlin time shown) → pays → CONFIRMED → reschedules to ${second} → merchant calendar + schedule editor and admin week view show it → cancels (${fee ? "fee shown" : "free refund shown"}) → a guest on order ${guestOrder}'s signed link alone moves and cancels the booking (${Math.round((Date.now() - bookingStarted) / 1000)}s)`
    )
  }
  if (TESTS.includes("money")) {
    const moneyStarted = Date.now()
    const { orderId, payout, closing } = await runMoney({ storefrontUrl: STOREFRONT_URL, backendUrl: MEDUSA_BACKEND_URL, executablePath: CHROMIUM_PATH })
    console.log(
      `[e2e] PASS money: course order ${orderId} → admin sees its split → releases escrow, runs a payout batch (${payout}), downloads the bank file, marks paid → merchant's Money page, statement CSV closes at ${closing} = ledger → buyer reports a problem, admin replies and rejects (${Math.round((Date.now() - moneyStarted) / 1000)}s)`
    )
  }
  if (TESTS.includes("catalog")) {
    const catalogStarted = Date.now()
    const { eur, aed, slots } = await runCatalog({ storefrontUrl: STOREFRONT_URL, backendUrl: MEDUSA_BACKEND_URL, executablePath: CHROMIUM_PATH })
    console.log(
      `[e2e] PASS catalog: goods lamp (EUR+RUB+AED, 4 in stock) published, in the cart in EUR (${eur}) and AED (${aed}) → service grid Mon+Wed 09–11 Dubai previewed (${slots} slots), saved, published → course refused without lessons (in words), text lesson added, published (${Math.round((Date.now() - catalogStarted) / 1000)}s)`
    )
  }
  if (TESTS.includes("admin-order")) {
    const adminStarted = Date.now()
    const { orderId, cancelledId, tracking } = await runAdminOrder({ backendUrl: MEDUSA_BACKEND_URL, executablePath: CHROMIUM_PATH })
    console.log(
      `[e2e] PASS admin-order: Medusa admin's own buttons on mug + course order ${orderId}: Capture payment → lines captured, escrow booked → Fulfill items → Mark as shipped ${tracking} → Mark as delivered → lines, split, Medusa "delivered / captured" and verify agree → Cancel order refused in words; order ${cancelledId} cancelled line by line (${Math.round((Date.now() - adminStarted) / 1000)}s)`
    )
  }
  if (TESTS.includes("dashboard-i18n")) {
    const i18nStarted = Date.now()
    const { pages } = await runDashboardI18n({ storefrontUrl: STOREFRONT_URL, backendUrl: MEDUSA_BACKEND_URL, executablePath: CHROMIUM_PATH, shots: process.env.E2E_SHOTS })
    console.log(`[e2e] PASS dashboard-i18n: ${pages} dashboard pages of the goods, services and courses merchants read in RU and AR: no raw codes or ids, no English left, RU dates and money in Russian shape, AR right-to-left (${Math.round((Date.now() - i18nStarted) / 1000)}s)`)
  }
}

// Only run when executed directly, so the runner in scripts/ can import waitForHttp/run.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(`[e2e] FAIL ${err instanceof Error ? err.message : err}`)
    process.exit(1)
  })
}
