import { currencyExponent, lowestPrice } from "./money"
import type { Product } from "./sdk"

/** A major-unit amount as schema.org wants it ("12.50"): plain digits, the currency's decimals, no grouping. */
export function schemaPrice(amount: number, currency: string): string {
  const exp = currencyExponent(currency)
  return new Intl.NumberFormat("en-US", { minimumFractionDigits: exp, maximumFractionDigits: exp, useGrouping: false }).format(amount)
}

/** schema.org `Product` with an offer in the page's currency (what search engines show as price). */
export function productJsonLd(product: Product, url: string, absolute: (path: string) => string) {
  const price = lowestPrice(product.variants)
  const images = [product.thumbnail, ...(product.images ?? []).map((i) => i.url)].filter((u): u is string => !!u)
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    ...(product.description ? { description: product.description } : {}),
    ...(images.length ? { image: [...new Set(images)].map(absolute) } : {}),
    sku: product.handle,
    url,
    ...(product.merchant ? { brand: { "@type": "Brand", name: product.merchant.display_name } } : {}),
    ...(price
      ? {
          offers: {
            "@type": "Offer",
            url,
            price: schemaPrice(price.amount, price.currency),
            priceCurrency: price.currency.toUpperCase(),
            availability: "https://schema.org/InStock",
            ...(product.merchant ? { seller: { "@type": "Organization", name: product.merchant.display_name } } : {}),
          },
        }
      : {}),
  }
}

/** JSON for a <script type="application/ld+json">: `<` escaped so a title cannot close the script. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c")
}
