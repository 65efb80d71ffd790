import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { ProductGrid } from "@/components/catalog/ProductCard"
import { LOCALE_META, translate, type Locale } from "@/lib/i18n"
import { alternates, localePath } from "@/lib/locale-path"
import { currentRegion, listProducts, merchantByHandle } from "@/lib/server/catalog"
import { PRODUCT_FIELDS } from "@/lib/sdk"

type Props = { params: Promise<{ locale: Locale; handle: string }> }

function countryName(code: string, intlLocale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale], { type: "region" }).of(code.toUpperCase()) ?? code.toUpperCase()
  } catch {
    return code.toUpperCase()
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, handle } = await params
  const merchant = await merchantByHandle(handle)
  if (!merchant) return { title: translate(locale, "merchant.notFound"), robots: { index: false } }
  const description = translate(locale, "meta.merchantDescription", { name: merchant.display_name })
  return {
    title: merchant.display_name,
    description,
    alternates: alternates(locale, `/merchants/${handle}`),
    openGraph: { title: merchant.display_name, description, url: localePath(locale, `/merchants/${handle}`) },
  }
}

export default async function MerchantPage({ params }: Props) {
  const { locale, handle } = await params
  // Unknown handle, or a merchant that is not APPROVED: both are a 404.
  const merchant = await merchantByHandle(handle)
  if (!merchant) notFound()
  const region = await currentRegion(locale)
  const { products } = await listProducts({ merchant_id: merchant.id, ...(region ? { region_id: region.id } : {}), fields: PRODUCT_FIELDS, limit: 100 }, locale)
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key)

  return (
    <section data-testid="merchant-page" data-merchant-id={merchant.id} data-merchant-handle={merchant.handle}>
      <Link href={localePath(locale, "/")} className="back-link">
        {t("product.back")}
      </Link>
      <h1 data-testid="merchant-name" dir="auto">
        {merchant.display_name}
      </h1>
      {merchant.country_code && <p className="muted">{countryName(merchant.country_code, LOCALE_META[locale].intl)}</p>}
      <h2>{t("merchant.products")}</h2>
      {products.length === 0 ? (
        <p className="muted" data-testid="products-empty">
          {t("merchant.empty")}
        </p>
      ) : (
        <ProductGrid products={products} locale={locale} />
      )}
    </section>
  )
}
