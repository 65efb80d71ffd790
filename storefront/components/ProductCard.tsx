"use client"

import Link from "next/link"
import { useI18n } from "@/lib/i18n-context"
import { formatMoney, lowestPrice } from "@/lib/money"
import type { Product } from "@/lib/sdk"
import { KindBadge } from "./KindBadge"
import { SoldBy } from "./SoldBy"

export function ProductCard({ product }: { product: Product }) {
  const { t, intlLocale } = useI18n()
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
      <Link href={`/products/${product.handle}`} className="card-link" data-testid="product-card-link">
        {product.thumbnail ? (
          // Plain <img>: product images come from arbitrary hosts (no next/image config needed).
          // eslint-disable-next-line @next/next/no-img-element
          <img src={product.thumbnail} alt="" className="card-image" loading="lazy" />
        ) : (
          <div className="card-image placeholder" aria-hidden />
        )}
        <div className="card-body">
          <KindBadge kind={product.kind} />
          <h3 className="card-title" dir="auto">{product.title}</h3>
          <p className="card-price" data-testid="product-card-price">
            {price
              ? t("product.from", { price: formatMoney(price.amount, price.currency, intlLocale) })
              : t("product.noPrice")}
          </p>
        </div>
      </Link>
      {/* Outside the card link: links must not nest. */}
      {product.merchant && (
        <div className="card-footer">
          <SoldBy merchant={product.merchant} testId="product-card-merchant" />
        </div>
      )}
    </article>
  )
}
