import type { MetadataRoute } from "next"
import { siteOrigin } from "@/lib/server/site"

export const dynamic = "force-dynamic"

export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await siteOrigin()
  return {
    // Buyer-private and seller pages have nothing for search engines.
    rules: { userAgent: "*", allow: "/", disallow: ["/cart", "/checkout", "/account", "/orders", "/merchant/", "/merchant$"] },
    sitemap: `${origin}/sitemap.xml`,
  }
}
