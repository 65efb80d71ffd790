"use client"

import { useMutation, useQueryClient } from "@tanstack/react-query"
import Link from "next/link"
import { useState, type FormEvent } from "react"
import { KindBadge } from "@/components/KindBadge"
import { Loading } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"
import type { MessageKey } from "@/lib/i18n"
import { merchantApi, type Merchant, type MerchantProduct, type NewProductBody } from "@/lib/merchant-api"
import { useMerchantSession } from "@/lib/merchant-session"
import { formatMoney } from "@/lib/money"
import { KINDS, type Kind } from "@/lib/sdk"
import { ApiErrorBox, Field } from "./ui"
import { useMerchantQuery } from "./use-merchant-query"

const CURRENCIES = ["eur", "rub", "aed"] as const
const COUNTRY_CURRENCY: Record<string, (typeof CURRENCIES)[number]> = { ru: "rub", ae: "aed" }

function statusLabel(t: (k: MessageKey) => string, status: string): string {
  // Unknown statuses have no key: show them as the API spells them.
  return t(`productStatus.${status}` as MessageKey) || status
}

/** The first variant's prices, each isolated so mixed currencies read right in RTL too. */
function PriceList({ product, intlLocale }: { product: MerchantProduct; intlLocale: string }) {
  const prices = product.variants?.[0]?.prices ?? []
  return (
    <>
      {prices.map((pr, i) => (
        <span key={pr.id ?? pr.currency_code}>
          {i > 0 && " · "}
          <bdi>{formatMoney(pr.amount, pr.currency_code, intlLocale)}</bdi>
        </span>
      ))}
    </>
  )
}

export function ProductsSection({ merchant }: { merchant: Merchant }) {
  const { t, intlLocale } = useI18n()
  const products = useMerchantQuery("products", merchantApi.products)

  return (
    <section className="portal-section" data-testid="merchant-products">
      <h2>{t("portal.products.heading")}</h2>
      {products.error ? (
        <ApiErrorBox error={products.error} />
      ) : !products.data ? (
        <Loading />
      ) : products.data.products.length === 0 ? (
        <p className="muted" data-testid="merchant-products-empty">{t("portal.products.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t("portal.products.title")}</th>
              <th>{t("portal.products.kind")}</th>
              <th>{t("portal.products.status")}</th>
              <th>{t("portal.products.price")}</th>
            </tr>
          </thead>
          <tbody>
            {products.data.products.map((p) => (
              <tr key={p.id} data-testid="merchant-product-row" data-product-id={p.id} data-handle={p.handle} data-status={p.status}>
                <td data-testid="merchant-product-title" dir="auto">
                  {p.status === "published" ? <Link href={`/products/${p.handle}`}>{p.title}</Link> : p.title}
                </td>
                <td>
                  <KindBadge kind={p.kind as Kind | null | undefined} />
                </td>
                <td>{statusLabel(t, p.status)}</td>
                <td data-testid="merchant-product-price">
                  <PriceList product={p} intlLocale={intlLocale} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewProductForm merchant={merchant} />
    </section>
  )
}

function NewProductForm({ merchant }: { merchant: Merchant }) {
  const { t } = useI18n()
  const { token } = useMerchantSession()
  const qc = useQueryClient()
  const [title, setTitle] = useState("")
  const [kind, setKind] = useState<Kind>("PHYSICAL")
  const [price, setPrice] = useState("")
  const [currency, setCurrency] = useState<string>(COUNTRY_CURRENCY[merchant.country_code?.toLowerCase()] ?? "eur")
  const [publish, setPublish] = useState(true)
  const [created, setCreated] = useState<string | null>(null)
  const [localError, setLocalError] = useState<string | null>(null)

  const mutation = useMutation({
    mutationFn: (body: NewProductBody) => merchantApi.createProduct(token!, body),
    onSuccess: ({ product }) => {
      setCreated(product.title)
      setTitle("")
      setPrice("")
      qc.invalidateQueries({ queryKey: ["merchant", token, "products"] })
    },
  })

  function onSubmit(e: FormEvent) {
    e.preventDefault()
    setCreated(null)
    const amount = Number(price.replace(",", ".").trim())
    if (!Number.isFinite(amount) || amount <= 0) {
      setLocalError(t("portal.newProduct.invalidPrice"))
      return
    }
    setLocalError(null)
    mutation.mutate({
      title: title.trim(),
      kind,
      status: publish ? "published" : "draft",
      options: [{ title: "Format", values: ["Default"] }],
      variants: [{ title: "Default", options: { Format: "Default" }, prices: [{ currency_code: currency, amount }] }],
    })
  }

  return (
    <form className="form card-form" onSubmit={onSubmit} data-testid="merchant-new-product-form">
      <h3>{t("portal.newProduct.heading")}</h3>
      <Field label={t("portal.newProduct.title")} name="title" error={mutation.error}>
        <input required dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="merchant-new-product-title" />
      </Field>
      <Field label={t("portal.newProduct.kind")} name="kind" error={mutation.error}>
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="merchant-new-product-kind">
          {KINDS.map((k) => (
            <option key={k} value={k}>{t(`kind.${k}`)}</option>
          ))}
        </select>
      </Field>
      <div className="form-row">
        <Field label={t("portal.newProduct.price")} name="variants" error={mutation.error}>
          <input
            required
            dir="ltr"
            inputMode="decimal"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            data-testid="merchant-new-product-price"
          />
        </Field>
        <Field label={t("portal.newProduct.currency")} name="currency_code">
          <select value={currency} onChange={(e) => setCurrency(e.target.value)} data-testid="merchant-new-product-currency">
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>{c.toUpperCase()}</option>
            ))}
          </select>
        </Field>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} data-testid="merchant-new-product-publish" />
        {t("portal.newProduct.publish")}
      </label>
      {localError && <p className="alert" role="alert" data-testid="merchant-new-product-error">{localError}</p>}
      <ApiErrorBox error={mutation.error} testId="merchant-new-product-error" />
      {created && <p className="success" data-testid="merchant-new-product-created">{t("portal.newProduct.created", { title: created })}</p>}
      <button type="submit" className="button primary" disabled={mutation.isPending} data-testid="merchant-new-product-submit">
        {mutation.isPending ? t("portal.newProduct.busy") : t("portal.newProduct.submit")}
      </button>
    </form>
  )
}
