import type { MetadataRoute } from "next"
import { LOCALES } from "@/lib/i18n"
import { localePath } from "@/lib/locale-path"
import { hasStoreConfig, listProducts } from "@/lib/server/catalog"
import { siteOrigin } from "@/lib/server/site"

// Rendered per request (the store's catalogue changes; the origin comes from the request).
export const dynamic = "force-dynamic"

const PAGE = 200
// One sitemap file holds at most 50 000 URLs; three languages per page.
const MAX_PRODUCTS = 15_000

function entry(origin: string, path: string, lastModified?: string | Date | null): MetadataRoute.Sitemap[number] {
  const languages = Object.fromEntries(LOCALES.map((l) => [l, `${origin}${localePath(l, path)}`]))
  return { url: `${origin}${localePath("en", path)}`, ...(lastModified ? { lastModified } : {}), alternates: { languages } }
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = await siteOrigin()
  const out: MetadataRoute.Sitemap = [entry(origin, "/"), entry(origin, "/search")]
  if (!hasStoreConfig()) return out
  const merchants = new Set<string>()
  for (let offset = 0; offset < MAX_PRODUCTS; offset += PAGE) {
    const { products, count } = await listProducts({ fields: "handle,updated_at", limit: PAGE, offset })
    for (const p of products) {
      out.push(entry(origin, `/products/${p.handle}`, p.updated_at))
      if (p.merchant?.handle) merchants.add(p.merchant.handle)
    }
    if (offset + PAGE >= count) break
  }
  for (const handle of merchants) out.push(entry(origin, `/merchants/${encodeURIComponent(handle)}`))
  return out
}
