import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { BuyBox } from "@/components/catalog/BuyBox"
import { KindLabel, SellerLine } from "@/components/catalog/labels"
import { ProductImage } from "@/components/catalog/ProductImage"
import { translate, type Locale } from "@/lib/i18n"
import { jsonLdScript, productJsonLd } from "@/lib/json-ld"
import { localizeProduct } from "@/lib/product-translation"
import { alternates, localePath } from "@/lib/locale-path"
import { currentRegion, productByHandle } from "@/lib/server/catalog"
import { siteOrigin } from "@/lib/server/site"

type Props = { params: Promise<{ locale: Locale; handle: string }> }

async function load({ params }: Props) {
  const { locale, handle } = await params
  const region = await currentRegion(locale)
  const product = await productByHandle(handle, region?.id, locale)
  return { locale, handle, product: product && localizeProduct(product, locale) }
}

/** Descriptions can be long: previews want one or two sentences. */
const summary = (text: string | null | undefined) => (text ? (text.length > 200 ? `${text.slice(0, 197).trimEnd()}…` : text) : undefined)

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, handle, product } = await load(props)
  if (!product) return { title: translate(locale, "product.notFound"), robots: { index: false } }
  const description = summary(product.subtitle || product.description) ?? translate(locale, "meta.siteDescription")
  return {
    title: product.title,
    description,
    alternates: alternates(locale, `/products/${handle}`),
    openGraph: {
      type: "website",
      title: product.title,
      description,
      url: localePath(locale, `/products/${handle}`),
      ...(product.thumbnail ? { images: [{ url: product.thumbnail, alt: product.title }] } : {}),
    },
  }
}

export default async function ProductPage(props: Props) {
  const { locale, handle, product } = await load(props)
  if (!product) notFound()
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key)
  const origin = await siteOrigin()
  const absolute = (u: string) => (/^https?:\/\//.test(u) ? u : `${origin}${u.startsWith("/") ? "" : "/"}${u}`)
  const jsonLd = productJsonLd(product, absolute(localePath(locale, `/products/${handle}`)), absolute)

  return (
    <article className="product" data-testid="product-page" data-kind={product.kind ?? ""}>
      <script type="application/ld+json" data-testid="product-json-ld" dangerouslySetInnerHTML={{ __html: jsonLdScript(jsonLd) }} />
      <div className="product-media">
        <ProductImage src={product.thumbnail} alt={product.title} className="product-image" sizes="(max-width: 700px) 100vw, 540px" priority />
      </div>
      <div className="product-info">
        <Link href={localePath(locale, "/")} className="back-link">
          {t("product.back")}
        </Link>
        <KindLabel kind={product.kind} locale={locale} />
        <h1 data-testid="product-title" dir="auto">
          {product.title}
        </h1>
        <SellerLine merchant={product.merchant} locale={locale} testId="product-merchant" />
        {product.description && (
          <p className="product-description" dir="auto">
            {product.description}
          </p>
        )}
        <BuyBox product={product} />
      </div>
    </article>
  )
}
