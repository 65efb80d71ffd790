import type { Metadata } from "next"
import Link from "next/link"
import { ProductGrid } from "@/components/catalog/ProductCard"
import { translate, type Locale } from "@/lib/i18n"
import { alternates, localePath } from "@/lib/locale-path"
import { currentRegion, listProducts } from "@/lib/server/catalog"
import { KINDS, PRODUCT_FIELDS, type Kind, type Product } from "@/lib/sdk"

type Tab = Kind | "ALL"
const TABS: Tab[] = ["ALL", ...KINDS]
type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ kind?: string }> }

const tabOf = (kind: string | undefined): Tab => ((KINDS as readonly string[]).includes(kind ?? "") ? (kind as Kind) : "ALL")

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params
  const tab = tabOf((await searchParams).kind)
  const title = tab === "ALL" ? translate(locale, "home.heading") : translate(locale, `kind.${tab}`)
  const description = translate(locale, "meta.siteDescription")
  return {
    title,
    description,
    alternates: alternates(locale, tab === "ALL" ? "/" : `/?kind=${tab}`),
    openGraph: { title, description, url: localePath(locale, "/") },
  }
}

/** Groups products by kind, in KINDS order; products without a known kind go last. */
function groupByKind(products: Product[]): { kind: Kind | null; items: Product[] }[] {
  const groups = [...KINDS, null].map((kind) => ({
    kind,
    items: products.filter((p) => (kind ? p.kind === kind : !(KINDS as readonly (string | null | undefined)[]).includes(p.kind))),
  }))
  return groups.filter((g) => g.items.length > 0)
}

export default async function HomePage({ params, searchParams }: Props) {
  const { locale } = await params
  const tab = tabOf((await searchParams).kind)
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(locale, key, vars)
  const region = await currentRegion(locale)
  const { products } = await listProducts({
    ...(region ? { region_id: region.id } : {}),
    fields: PRODUCT_FIELDS,
    limit: 100,
    ...(tab === "ALL" ? {} : { kind: tab }),
  }, locale)

  return (
    <>
      <h1>{t("home.heading")}</h1>
      <nav className="tabs" aria-label={t("home.kinds")}>
        {TABS.map((k) => (
          <Link
            key={k}
            href={localePath(locale, k === "ALL" ? "/" : `/?kind=${k}`)}
            aria-current={tab === k ? "page" : undefined}
            className={tab === k ? "tab active" : "tab"}
            data-testid={`kind-tab-${k}`}
          >
            {t(`kind.${k}`)}
          </Link>
        ))}
      </nav>
      {products.length === 0 ? (
        <p className="muted" data-testid="products-empty">{t("home.empty")}</p>
      ) : (
        groupByKind(products).map((g) => (
          <section key={g.kind ?? "OTHER"} className="kind-section" data-testid={`kind-section-${g.kind ?? "OTHER"}`}>
            <h2>{t(g.kind ? `kind.${g.kind}` : "kind.OTHER")}</h2>
            <ProductGrid products={g.items} locale={locale} />
          </section>
        ))
      )}
    </>
  )
}
