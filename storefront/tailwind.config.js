// Tailwind only for the merchant dashboard (app/merchant, components/dashboard): @medusajs/ui's
// components are Tailwind classes over the Medusa admin's design tokens (@medusajs/ui-preset).
// Preflight is off: its global element resets would leak into the buyer pages once the dashboard's
// stylesheet is loaded; a reset scoped to the dashboard sits in app/merchant/dashboard.css instead.
const path = require("node:path")

/** @type {import("tailwindcss").Config} */
module.exports = {
  presets: [require("@medusajs/ui-preset")],
  content: [
    path.join(__dirname, "app/merchant/**/*.{ts,tsx}"),
    path.join(__dirname, "components/dashboard/**/*.{ts,tsx}"),
    path.join(__dirname, "../node_modules/@medusajs/ui/dist/esm/**/*.js"),
  ],
  darkMode: "class",
  corePlugins: { preflight: false, container: false },
}
