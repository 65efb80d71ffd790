import Link from "next/link"
import { LOCALE_META, translate, type Locale } from "@/lib/i18n"
import { localePath } from "@/lib/locale-path"
import { formatMoney, lowestPrice } from "@/lib/money"
import { localizeProduct } from "@/lib/product-translation"
import type { Product } from "@/lib/sdk"
import { KindLabel, SellerLine } from "./labels"
import { ProductImage } from "./ProductImage"

/** A catalogue card, rendered on the server. `eager` for the first row (LCP candidates). */
export function ProductCard({ product: raw, locale, eager = false }: { product: Product; locale: Locale; eager?: boolean }) {
  const product = localizeProduct(raw, locale)
  const price = lowestPrice(product.variants)
  return (
    <article
      className="card"
      data-testid="product-card"
      data-handle={product.handle}
      data-kind={product.kind ?? ""}
      data-has-price={price ? "true" : "false"}
      data-merchant-handle={product.merchant?.handle ?? ""}
    >
      <Link href={localePath(locale, `/products/${product.handle}`)} className="card-link" data-testid="product-card-link">
        <ProductImage src={product.thumbnail} alt="" className="card-image" sizes="(max-width: 600px) 100vw, 260px" priority={eager} />
        <div className="card-body">
          <KindLabel kind={product.kind} locale={locale} />
          <h3 className="card-title" dir="auto">{product.title}</h3>
          <p className="card-price" data-testid="product-card-price">
            {price
              ? translate(locale, "product.from", { price: formatMoney(price.amount, price.currency, LOCALE_META[locale].intl) })
              : translate(locale, "product.noPrice")}
          </p>
        </div>
      </Link>
      {/* Outside the card link: links must not nest. */}
      {product.merchant && (
        <div className="card-footer">
          <SellerLine merchant={product.merchant} locale={locale} testId="product-card-merchant" />
        </div>
      )}
    </article>
  )
}

export function ProductGrid({ products, locale }: { products: Product[]; locale: Locale }) {
  return (
    <div className="grid">
      {products.map((p, i) => (
        <ProductCard key={p.id} product={p} locale={locale} eager={i < 2} />
      ))}
    </div>
  )
}
