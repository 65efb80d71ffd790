import path from "node:path"
import { fileURLToPath } from "node:url"
import { storefrontSecurityHeaders } from "./security-headers.mjs"

// The storefront is an npm workspace: its dependencies are hoisted to the
// monorepo root, so both the file tracer (standalone output) and Turbopack
// must be allowed to resolve files one level up.
const monorepoRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), "..")

// Product pictures come from the Medusa server's file storage (demo: /static/demo/*.png); next/image
// serves them resized (WebP/AVIF) from the storefront's own origin. MEDIA_URL_PATTERNS adds other
// hosts (S3, a CDN), comma-separated URL patterns such as https://cdn.example.com/**.
const backend = new URL(process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || "http://localhost:9000")
const mediaPatterns = [new URL("/static/**", backend), ...(process.env.MEDIA_URL_PATTERNS || "").split(",").filter(Boolean).map((u) => new URL(u))]
// Next 16 refuses to optimize images from private addresses; a backend on this machine (dev, tests) is one.
const localBackend = ["localhost", "127.0.0.1", "::1"].includes(backend.hostname)

/** @type {import("next").NextConfig} */
const nextConfig = {
  // For the Docker image (storefront/Dockerfile runs .next/standalone/storefront/server.js).
  // `next start` still works with it, printing a harmless warning.
  output: "standalone",
  outputFileTracingRoot: monorepoRoot,
  turbopack: { root: monorepoRoot },
  reactStrictMode: true,
  // The dev-mode "N" badge sits bottom-left, over the merchant dashboard's side-nav footer (its Sign out
  // button): clicks there hit the badge in `next dev` and in the browser tests.
  devIndicators: false,
  images: { remotePatterns: mediaPatterns, dangerouslyAllowLocalIP: localBackend },
  // A separate build folder lets `npm test` run its own dev server beside `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Security headers on every page (security-headers.mjs): HSTS when the public URL is https.
  async headers() {
    const headers = storefrontSecurityHeaders({
      backendUrl: backend.href,
      mediaOrigins: (process.env.MEDIA_URL_PATTERNS || "").split(",").filter(Boolean).map((u) => u.replace(/\*+$/, "")),
      dev: process.env.NODE_ENV !== "production",
      secure: (process.env.NEXT_PUBLIC_STOREFRONT_URL || process.env.STOREFRONT_URL || "").startsWith("https:"),
    })
    return [{ source: "/:path*", headers }]
  },
}

export default nextConfig
