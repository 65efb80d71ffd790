import { headers } from "next/headers"

/**
 * The storefront's public origin for absolute links (sitemap, OpenGraph, JSON-LD):
 * STOREFRONT_URL when set (production behind a proxy), else the request's own host.
 */
export async function siteOrigin(): Promise<string> {
  const configured = process.env.STOREFRONT_URL || process.env.NEXT_PUBLIC_STOREFRONT_URL
  if (configured) return configured.replace(/\/+$/, "")
  const h = await headers()
  const host = h.get("x-forwarded-host") || h.get("host") || "localhost:8000"
  const proto = h.get("x-forwarded-proto") || "http"
  return `${proto}://${host}`
}
