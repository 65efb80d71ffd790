import type { Metadata } from "next"
import Link from "next/link"
import { Highlight } from "@/components/catalog/Highlight"
import { KindLabel } from "@/components/catalog/labels"
import { ProductImage } from "@/components/catalog/ProductImage"
import { SearchFilters } from "@/components/catalog/SearchFilters"
import { LOCALE_META, translate, type Locale } from "@/lib/i18n"
import { alternates, localePath } from "@/lib/locale-path"
import { formatMinor } from "@/lib/money"
import { apiQuery, PAGE_SIZE, parseSearchState, searchQueryString, type SearchResponse, type SearchState } from "@/lib/search"
import { currentRegion, storeFetch } from "@/lib/server/catalog"
import { describeError } from "@/lib/errors"

type Raw = Record<string, string | string[] | undefined>
type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Raw> }

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params
  const state = parseSearchState(await searchParams)
  const title = state.q ? translate(locale, "search.titleFor", { q: state.q }) : translate(locale, "search.title")
  return {
    title,
    description: translate(locale, "meta.siteDescription"),
    alternates: alternates(locale, `/search${state.q ? `?q=${encodeURIComponent(state.q)}` : ""}`),
    // Result pages with filters are endless variations of one page: only the plain ones are indexed.
    robots: searchQueryString({ ...state, q: "" }) ? { index: false, follow: true } : undefined,
  }
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await params
  const state = parseSearchState(await searchParams)
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(locale, key, vars)
  const intl = LOCALE_META[locale].intl
  const region = await currentRegion(locale)
  const currency = region?.currency_code ?? "eur"
  const base = localePath(locale, "/search")
  const href = (s: SearchState) => `${base}${searchQueryString(s)}`

  let result: SearchResponse | null = null
  let error: unknown = null
  try {
    result = await storeFetch<SearchResponse>("/store/search", apiQuery(state, region?.id, currency))
  } catch (err) {
    error = err
  }
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1

  return (
    <section className="search-page" data-testid="search-page">
      <h1>{state.q ? t("search.titleFor", { q: state.q }) : t("search.title")}</h1>
      {error != null && (
        <p className="alert" role="alert" data-testid="error">
          {describeError(locale, error)}
        </p>
      )}
      {result && (
        <div className="search-layout">
          <SearchFilters action={base} state={state} facets={result.facets} currency={result.currency_code} />
          <div className="search-results">
            <p className="muted" role="status" data-testid="search-total" data-total={result.total}>
              {t("search.total", { count: result.total })}
            </p>
            {result.hits.length === 0 ? (
              <p data-testid="search-empty">{t("search.empty")}</p>
            ) : (
              <ul className="hits" data-testid="search-hits">
                {result.hits.map((h) => (
                  <li key={h.id} className="card hit" data-testid="search-hit" data-handle={h.handle} data-kind={h.kind} data-price-min={h.price?.min_amount ?? ""}>
                    <Link href={localePath(locale, `/products/${h.handle}`)} className="card-link" data-testid="search-hit-link">
                      <ProductImage src={h.thumbnail} alt="" className="card-image" sizes="(max-width: 600px) 100vw, 240px" />
                      <div className="card-body">
                        <KindLabel kind={h.kind} locale={locale} />
                        <h2 className="card-title" dir="auto">
                          <Highlight html={h.highlights?.title} fallback={h.title} />
                        </h2>
                        <p className="card-price" data-testid="search-hit-price">
                          {h.price ? t("product.from", { price: formatMinor(h.price.min_amount, h.price.currency_code, intl) }) : t("product.noPrice")}
                        </p>
                        {!h.available && <p className="muted">{t("search.unavailable")}</p>}
                      </div>
                    </Link>
                    {h.merchant && (
                      <p className="card-footer muted">
                        {t("merchant.soldBy", { name: "" }).trim()} <bdi>{h.merchant.display_name}</bdi>
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {pages > 1 && (
              <nav className="pagination" aria-label={t("search.pages")} data-testid="search-pagination">
                {state.page > 1 && (
                  <Link href={href({ ...state, page: state.page - 1 })} rel="prev" data-testid="search-prev">
                    {t("search.prev")}
                  </Link>
                )}
                <span aria-current="page">{t("search.pageOf", { page: state.page, pages })}</span>
                {state.page < pages && (
                  <Link href={href({ ...state, page: state.page + 1 })} rel="next" data-testid="search-next">
                    {t("search.next")}
                  </Link>
                )}
              </nav>
            )}
          </div>
        </div>
      )}
    </section>
  )
}
