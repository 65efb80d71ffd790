import path from "node:path"
import { fileURLToPath } from "node:url"

// The storefront is an npm workspace: its dependencies are hoisted to the
// monorepo root, so both the file tracer (standalone output) and Turbopack
// must be allowed to resolve files one level up.
const monorepoRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), "..")

/** @type {import("next").NextConfig} */
const nextConfig = {
  // For the Docker image (storefront/Dockerfile runs .next/standalone/storefront/server.js).
  // `next start` still works with it, printing a harmless warning.
  output: "standalone",
  outputFileTracingRoot: monorepoRoot,
  turbopack: { root: monorepoRoot },
  reactStrictMode: true,
  // A separate build folder lets `npm test` run its own dev server beside `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
}

export default nextConfig
