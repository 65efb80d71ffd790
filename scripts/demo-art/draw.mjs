#!/usr/bin/env node
// Draws the demo catalogue's product pictures (static/demo/<name>.png, 800×600) from small SVG
// scenes rendered in Debian's Chromium: real image files, no emoji or font glyphs, so they look
// the same on every machine. Run again after editing a scene: `node scripts/demo-art/draw.mjs`.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { chromium } from "playwright-core"

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "../..")
const out = path.join(root, "static/demo")
const W = 800
const H = 600

const bg = (a, b) =>
  `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs>` +
  `<rect width="${W}" height="${H}" fill="url(#bg)"/><ellipse cx="400" cy="520" rx="260" ry="30" fill="#000" opacity="0.12"/>`

const SCENES = {
  mug: bg("#fde7d9", "#f4b69a") +
    `<rect x="280" y="200" width="220" height="300" rx="24" fill="#c2410c"/><rect x="280" y="200" width="220" height="40" rx="20" fill="#9a3412"/>` +
    `<path d="M500 270 q90 0 90 80 q0 80 -90 80" fill="none" stroke="#c2410c" stroke-width="30"/>` +
    `<path d="M340 330 q50 -60 100 0 q-50 40 -100 0z" fill="#fff" opacity="0.85"/><circle cx="390" cy="330" r="16" fill="#9a3412"/>` +
    `<path d="M340 170 q20 -40 0 -80 M390 170 q20 -40 0 -80 M440 170 q20 -40 0 -80" stroke="#fff" stroke-width="10" fill="none" stroke-linecap="round"/>`,
  tshirt: bg("#e0f2fe", "#93c5fd") +
    `<path d="M270 150 l-130 80 50 90 70 -30 v230 h280 v-230 l70 30 50 -90 -130 -80 q-60 50 -130 0z" fill="#1d4ed8"/>` +
    `<path d="M340 150 q60 60 120 0" fill="none" stroke="#1e3a8a" stroke-width="14"/>` +
    `<circle cx="400" cy="340" r="60" fill="none" stroke="#fff" stroke-width="14"/><path d="M400 340 m-30 0 a30 30 0 1 1 30 30" fill="none" stroke="#fff" stroke-width="10"/>`,
  notebook: bg("#ecfccb", "#a3e635") +
    `<rect x="250" y="110" width="300" height="400" rx="16" fill="#3f6212"/><rect x="270" y="110" width="280" height="400" rx="12" fill="#4d7c0f"/>` +
    `<rect x="470" y="110" width="26" height="400" fill="#facc15"/>` +
    Array.from({ length: 7 }, (_, i) => `<circle cx="250" cy="${150 + i * 55}" r="10" fill="#d9f99d"/>`).join(""),
  headphones: bg("#ede9fe", "#a78bfa") +
    `<path d="M240 380 v-80 a160 160 0 0 1 320 0 v80" fill="none" stroke="#312e81" stroke-width="34" stroke-linecap="round"/>` +
    `<rect x="200" y="340" width="90" height="150" rx="36" fill="#4338ca"/><rect x="510" y="340" width="90" height="150" rx="36" fill="#4338ca"/>` +
    `<rect x="222" y="370" width="46" height="90" rx="20" fill="#818cf8"/><rect x="532" y="370" width="46" height="90" rx="20" fill="#818cf8"/>`,
  backpack: bg("#fef3c7", "#fbbf24") +
    `<path d="M330 170 q70 -80 140 0" fill="none" stroke="#78350f" stroke-width="22"/>` +
    `<rect x="260" y="170" width="280" height="340" rx="70" fill="#b45309"/><rect x="300" y="330" width="200" height="140" rx="30" fill="#92400e"/>` +
    `<rect x="300" y="320" width="200" height="24" rx="12" fill="#78350f"/><circle cx="400" cy="400" r="10" fill="#fde68a"/>`,
  haircut: bg("#fce7f3", "#f9a8d4") +
    `<circle cx="320" cy="260" r="60" fill="none" stroke="#831843" stroke-width="22"/><circle cx="320" cy="420" r="60" fill="none" stroke="#831843" stroke-width="22"/>` +
    `<path d="M370 290 L600 170" stroke="#475569" stroke-width="26" stroke-linecap="round"/><path d="M370 390 L600 510" stroke="#475569" stroke-width="26" stroke-linecap="round"/>` +
    `<circle cx="400" cy="340" r="16" fill="#334155"/>`,
  yoga: bg("#ccfbf1", "#5eead4") +
    `<rect x="170" y="470" width="460" height="26" rx="13" fill="#0f766e"/>` +
    `<circle cx="400" cy="190" r="42" fill="#134e4a"/><path d="M400 235 v130" stroke="#134e4a" stroke-width="40" stroke-linecap="round"/>` +
    `<path d="M400 270 l-150 -70 M400 270 l150 -70" stroke="#134e4a" stroke-width="26" stroke-linecap="round"/>` +
    `<path d="M400 365 l-120 95 h240z" fill="#134e4a"/>`,
  consultation: bg("#e2e8f0", "#94a3b8") +
    `<rect x="170" y="150" width="460" height="300" rx="24" fill="#1e293b"/><rect x="195" y="175" width="410" height="250" rx="12" fill="#38bdf8"/>` +
    `<circle cx="400" cy="270" r="50" fill="#0c4a6e"/><path d="M320 425 q80 -110 160 0z" fill="#0c4a6e"/><rect x="340" y="450" width="120" height="40" fill="#334155"/>` +
    `<rect x="280" y="490" width="240" height="20" rx="10" fill="#1e293b"/>`,
  photo: bg("#fee2e2", "#fca5a5") +
    `<rect x="200" y="210" width="400" height="260" rx="30" fill="#1f2937"/><rect x="300" y="170" width="120" height="60" rx="14" fill="#1f2937"/>` +
    `<circle cx="400" cy="340" r="92" fill="#9ca3af"/><circle cx="400" cy="340" r="66" fill="#111827"/><circle cx="378" cy="318" r="18" fill="#e5e7eb" opacity="0.7"/>` +
    `<circle cx="540" cy="250" r="14" fill="#ef4444"/>`,
  typescript: bg("#dbeafe", "#60a5fa") +
    `<rect x="230" y="150" width="340" height="300" rx="20" fill="#1e3a8a"/><rect x="230" y="150" width="340" height="40" rx="20" fill="#172554"/>` +
    `<circle cx="260" cy="170" r="8" fill="#f87171"/><circle cx="285" cy="170" r="8" fill="#fbbf24"/><circle cx="310" cy="170" r="8" fill="#34d399"/>` +
    `<path d="M280 250 l-30 40 30 40 M520 250 l30 40 -30 40 M430 230 l-60 130" fill="none" stroke="#bfdbfe" stroke-width="18" stroke-linecap="round" stroke-linejoin="round"/>` +
    `<rect x="270" y="390" width="160" height="16" rx="8" fill="#3b82f6"/><rect x="270" y="415" width="100" height="16" rx="8" fill="#3b82f6"/>`,
  camera: bg("#f5f5f4", "#d6d3d1") +
    `<rect x="190" y="220" width="420" height="240" rx="26" fill="#292524"/><rect x="230" y="190" width="90" height="40" rx="10" fill="#292524"/>` +
    `<circle cx="400" cy="340" r="100" fill="#78716c"/><circle cx="400" cy="340" r="72" fill="#1c1917"/><circle cx="400" cy="340" r="38" fill="#0ea5e9" opacity="0.6"/>` +
    `<rect x="520" y="245" width="60" height="26" rx="6" fill="#fbbf24"/>`,
  arabic: bg("#fef9c3", "#fde047") +
    `<path d="M400 130 l40 120 h125 l-100 75 38 122 -103 -75 -103 75 38 -122 -100 -75 h125z" fill="#a16207" opacity="0.25"/>` +
    `<path d="M240 360 q80 60 160 0 t160 0" fill="none" stroke="#713f12" stroke-width="22" stroke-linecap="round"/>` +
    `<circle cx="330" cy="290" r="14" fill="#713f12"/><circle cx="470" cy="290" r="14" fill="#713f12"/><path d="M300 440 h200" stroke="#713f12" stroke-width="16" stroke-linecap="round"/>`,
  bread: bg("#ffedd5", "#fdba74") +
    `<path d="M200 420 q0 -200 200 -200 q200 0 200 200 q0 60 -60 60 h-280 q-60 0 -60 -60z" fill="#b45309"/>` +
    `<path d="M290 300 l40 60 M370 270 l40 70 M450 280 l40 60" stroke="#fde68a" stroke-width="16" stroke-linecap="round"/>` +
    `<path d="M200 420 q0 60 60 60 h280 q60 0 60 -60" fill="none" stroke="#78350f" stroke-width="10"/>`,
}

async function main() {
  fs.mkdirSync(out, { recursive: true })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] })
  const page = await browser.newPage({ viewport: { width: W, height: H } })
  for (const [name, body] of Object.entries(SCENES)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${body}</svg>`
    await page.setContent(`<html><body style="margin:0">${svg}</body></html>`)
    await page.screenshot({ path: path.join(out, `${name}.png`), clip: { x: 0, y: 0, width: W, height: H } })
    console.log(`static/demo/${name}.png`)
  }
  await browser.close()
}
main().catch((e) => {
  console.error(e)
  process.exit(1)
})
