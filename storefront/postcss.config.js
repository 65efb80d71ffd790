// Tailwind for the merchant dashboard's stylesheet (see tailwind.config.js); the buyer pages'
// globals.css has no @tailwind directives, so it passes through unchanged.
const path = require("node:path")

module.exports = {
  plugins: { tailwindcss: { config: path.join(__dirname, "tailwind.config.js") } },
}
