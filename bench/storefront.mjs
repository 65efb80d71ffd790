#!/usr/bin/env node
// Storefront page bench (issue 21 §1): LCP, TTFB and JavaScript weight of the home, product and
// search pages in real Chromium (playwright-core, Debian's chromium) against a RUNNING storefront —
// the production build is the one to report (`next build && next start`, see bench/README.md).
// Warm: each page is loaded once unrecorded, then BENCH_RUNS times in a fresh browser context (no
// HTTP cache, so every run downloads its JavaScript again); the median is reported.
//   BENCH_STOREFRONT_URL  default http://localhost:8000
//   BENCH_RUNS            default 5
//   BENCH_PAGES           default "/en,/en/products/snail-shell-mug,/en/search?q=mug"
import { chromium } from "playwright-core"

const base = (process.env.BENCH_STOREFRONT_URL || "http://localhost:8000").replace(/\/+$/, "")
const runs = Number(process.env.BENCH_RUNS || 5)
const pages = (process.env.BENCH_PAGES || "/en,/en/products/snail-shell-mug,/en/search?q=mug").split(",")
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

/** Runs in the page once it has loaded: navigation timing, the last LCP entry, script bytes. */
function measureInPage() {
  return new Promise((resolve) => {
    let lcp = 0
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) lcp = Math.max(lcp, e.startTime)
    }).observe({ type: "largest-contentful-paint", buffered: true })
    // LCP settles after load; a short wait lets late candidates (hydrated content) in.
    setTimeout(() => {
      const nav = performance.getEntriesByType("navigation")[0]
      const scripts = performance.getEntriesByType("resource").filter((r) => r.initiatorType === "script" || /\.js(\?|$)/.test(r.name))
      resolve({
        ttfb: nav.responseStart - nav.startTime,
        lcp,
        jsTransfer: scripts.reduce((n, r) => n + (r.transferSize || 0), 0),
        jsDecoded: scripts.reduce((n, r) => n + (r.decodedBodySize || 0), 0),
        scripts: scripts.length,
        htmlBytes: nav.transferSize,
      })
    }, 1500)
  })
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

async function main() {
  const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] })
  const rows = []
  try {
    for (const path of pages) {
      const url = `${base}${path}`
      const warm = await browser.newContext()
      await (await warm.newPage()).goto(url, { waitUntil: "load" })
      await warm.close()
      const samples = []
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
        const page = await context.newPage()
        const res = await page.goto(url, { waitUntil: "load" })
        if (!res || res.status() >= 400) throw new Error(`${url}: HTTP ${res?.status()}`)
        samples.push(await page.evaluate(measureInPage))
        await context.close()
      }
      rows.push({
        page: path,
        ttfb_ms: Math.round(median(samples.map((s) => s.ttfb))),
        lcp_ms: Math.round(median(samples.map((s) => s.lcp))),
        lcp_max_ms: Math.round(Math.max(...samples.map((s) => s.lcp))),
        js_kb_transfer: Math.round(median(samples.map((s) => s.jsTransfer)) / 1024),
        js_kb_decoded: Math.round(median(samples.map((s) => s.jsDecoded)) / 1024),
        scripts: median(samples.map((s) => s.scripts)),
        html_kb: Math.round(median(samples.map((s) => s.htmlBytes)) / 1024),
      })
    }
  } finally {
    await browser.close()
  }
  console.table(rows)
  console.log(JSON.stringify({ base, runs, at: new Date().toISOString(), rows }))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
