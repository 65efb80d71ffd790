"use client"

import Form from "next/form"
import { useEffect, useRef, useState } from "react"
import { useI18n } from "@/lib/i18n-context"
import { formatMinor } from "@/lib/money"
import { SEARCH_SORTS, type SearchResponse, type SearchState } from "@/lib/search"

/**
 * Facets, price range, availability and sort as one GET form: it works without JavaScript
 * (Apply), and with it every change submits at once. Its fields are the page's URL.
 */
export function SearchFilters({ action, state, facets, currency }: { action: string; state: SearchState; facets: SearchResponse["facets"]; currency: string }) {
  const { t, intlLocale } = useI18n()
  const form = useRef<HTMLFormElement>(null)
  // Marks the form interactive (changes submit by themselves from now on; before, Apply does).
  const [ready, setReady] = useState(false)
  useEffect(() => setReady(true), [])
  const submit = () => form.current?.requestSubmit()
  const available = facets.available.find((a) => a.value === true)?.count ?? 0
  const group = (name: "kind" | "merchant" | "category", title: string, items: { value: string; label: string; count: number }[]) =>
    items.length > 0 && (
      <fieldset className="facet" data-testid={`facet-${name}`}>
        <legend>{title}</legend>
        {items.map((f) => (
          <label key={f.value} className="check">
            <input type="checkbox" name={name} value={f.value} defaultChecked={state[name].includes(f.value)} onChange={submit} data-testid={`facet-${name}-option`} />
            <bdi>{f.label}</bdi> <span className="muted">({f.count})</span>
          </label>
        ))}
      </fieldset>
    )

  return (
    <Form action={action} ref={form} className="search-filters" data-testid="search-filters" data-ready={ready ? "true" : "false"} key={JSON.stringify(state)}>
      <input type="hidden" name="q" value={state.q} />
      <label className="field">
        <span>{t("search.sort")}</span>
        <select name="sort" defaultValue={state.sort} onChange={submit} data-testid="search-sort">
          {SEARCH_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`search.sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {group("kind", t("search.facet.kind"), facets.kind.map((f) => ({ value: f.value, label: t(`kind.${f.value}` as "kind.PHYSICAL"), count: f.count })))}
      {group("merchant", t("search.facet.merchant"), facets.merchant.map((f) => ({ value: f.value, label: f.label ?? "", count: f.count })))}
      {group("category", t("search.facet.category"), facets.category.map((f) => ({ value: f.value, label: f.label ?? "", count: f.count })))}
      <fieldset className="facet" data-testid="facet-price">
        <legend>{t("search.facet.price", { currency: currency.toUpperCase() })}</legend>
        <div className="price-range">
          <label className="field">
            <span>{t("search.priceMin")}</span>
            <input name="min" inputMode="decimal" defaultValue={state.min} data-testid="search-price-min" />
          </label>
          <label className="field">
            <span>{t("search.priceMax")}</span>
            <input name="max" inputMode="decimal" defaultValue={state.max} data-testid="search-price-max" />
          </label>
        </div>
        {facets.price.length > 0 && (
          <ul className="price-buckets muted">
            {facets.price.map((b) => (
              <li key={b.bucket}>
                {formatMinor(b.from_amount, currency, intlLocale)}
                {" – "}
                {b.to_amount != null ? formatMinor(b.to_amount, currency, intlLocale) : "…"} ({b.count})
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <label className="check">
        <input type="checkbox" name="available" value="true" defaultChecked={state.available} onChange={submit} data-testid="search-available" />
        {t("search.availableOnly")} <span className="muted">({available})</span>
      </label>
      <button type="submit" className="button">{t("search.apply")}</button>
    </Form>
  )
}
