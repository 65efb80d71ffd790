"use client"

import { Button, Input, Textarea, Text } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import Link from "next/link"
import { useRouter } from "next/navigation"
import { useState, type FormEvent } from "react"
import { useDashboard } from "@/components/dashboard/context"
import { Card, ErrorNotice, Loading, PageHeader } from "@/components/dashboard/parts"
import { catalogApi, type NewCatalogProduct } from "@/lib/catalog-api"
import { useDashboardI18n } from "@/lib/dashboard/i18n"
import { controlClass, currencyWords, Field, parseAmount, useRegions } from "./shared"

type Kind = NewCatalogProduct["kind"]

/**
 * A new product: title, kind, a price per region currency (empty where it is not sold), stock for
 * goods. Goods go live at once when asked; a course or a slots service starts as a draft (it needs
 * lessons or a schedule first), then the editor opens.
 */
export function NewProductForm() {
  const { t, intlLocale } = useDashboardI18n()
  const { token } = useDashboard()
  const router = useRouter()
  const qc = useQueryClient()
  const regions = useRegions()
  const [title, setTitle] = useState("")
  const [description, setDescription] = useState("")
  const [kind, setKind] = useState<Kind>("PHYSICAL")
  const [mode, setMode] = useState<"slots" | "by_appointment">("slots")
  const [prices, setPrices] = useState<Record<string, string>>({})
  const [stock, setStock] = useState("1")
  const [publish, setPublish] = useState(true)
  const [localError, setLocalError] = useState<string | null>(null)

  const currencies = [...new Map((regions.data ?? []).map((r) => [r.currency_code, r])).values()]
  const goLiveNow = kind === "PHYSICAL" || (kind === "SERVICE" && mode === "by_appointment")

  const create = useMutation({
    mutationFn: (body: NewCatalogProduct) => catalogApi.create(token, body),
    onSuccess: (product) => {
      // The list read before this product existed must not be shown again from the cache.
      qc.invalidateQueries({ queryKey: ["merchant", token, "catalog"] })
      router.push(`/merchant/products/${product.id}`)
    },
  })

  function onSubmit(e: FormEvent) {
    e.preventDefault()
    const amounts = currencies.map((r) => ({ currency_code: r.currency_code, amount: parseAmount(prices[r.currency_code] ?? "") }))
    if (amounts.some((a) => Number.isNaN(a.amount))) return setLocalError(t("cat.invalidPrice"))
    const given = amounts.filter((a): a is { currency_code: string; amount: number } => a.amount !== null)
    if (!given.length) return setLocalError(t("cat.needPrice"))
    setLocalError(null)
    const quantity = Math.max(0, Math.floor(Number(stock) || 0))
    create.mutate({
      title: title.trim(),
      kind,
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(kind === "SERVICE" ? { booking_mode: mode } : {}),
      status: publish && goLiveNow ? "published" : "draft",
      options: [{ title: "Format", values: ["Default"] }],
      variants: [{
        title: "Default", options: { Format: "Default" }, prices: given,
        ...(kind === "PHYSICAL" ? { stocked_quantity: quantity } : { manage_inventory: false }),
      }],
    })
  }

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("cat.new")} actions={<Link href="/merchant/products"><Button size="small" variant="secondary">{t("cat.back")}</Button></Link>} />
      <Card>
        {regions.isLoading ? <Loading /> : (
          <form className="flex max-w-xl flex-col gap-4" onSubmit={onSubmit} data-testid="catalog-new-form">
            <Field label={t("cat.field.title")}>
              <Input required dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="catalog-new-title" />
            </Field>
            <Field label={t("cat.field.description")}>
              <Textarea dir="auto" value={description} onChange={(e) => setDescription(e.target.value)} data-testid="catalog-new-description" />
            </Field>
            <Field label={t("cat.field.kind")}>
              <select className={controlClass} value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="catalog-new-kind">
                {(["PHYSICAL", "SERVICE", "COURSE"] as const).map((k) => <option key={k} value={k}>{t(`cat.kind.${k}`)}</option>)}
              </select>
            </Field>
            {kind === "SERVICE" && (
              <Field label={t("cat.field.mode")}>
                <select className={controlClass} value={mode} onChange={(e) => setMode(e.target.value as typeof mode)} data-testid="catalog-new-mode">
                  <option value="slots">{t("cat.mode.slots")}</option>
                  <option value="by_appointment">{t("cat.mode.by_appointment")}</option>
                </select>
              </Field>
            )}
            <div className="grid gap-3 sm:grid-cols-3">
              {currencies.map((r) => (
                <Field key={r.currency_code} label={t("cat.field.priceIn", { currency: r.currency_code.toUpperCase(), region: currencyWords(r.currency_code, intlLocale) })}>
                  <Input dir="ltr" inputMode="decimal" value={prices[r.currency_code] ?? ""} onChange={(e) => setPrices({ ...prices, [r.currency_code]: e.target.value })}
                    data-testid={`catalog-new-price-${r.currency_code}`} />
                </Field>
              ))}
            </div>
            <Text size="xsmall" className="text-ui-fg-muted">{t("cat.pricesHint")}</Text>
            {kind === "PHYSICAL" && (
              <Field label={t("cat.field.stock")}>
                <Input type="number" min={0} dir="ltr" value={stock} onChange={(e) => setStock(e.target.value)} data-testid="catalog-new-stock" />
              </Field>
            )}
            {goLiveNow && (
              <label className="flex items-center gap-2 txt-compact-small">
                <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} data-testid="catalog-new-publish" />
                {t("cat.field.publishNow")}
              </label>
            )}
            {localError && <p role="alert" className="text-ui-fg-error txt-compact-small" data-testid="catalog-new-error">{localError}</p>}
            <ErrorNotice error={create.error} testId="catalog-new-error" />
            <div>
              <Button type="submit" isLoading={create.isPending} data-testid="catalog-new-submit">{create.isPending ? t("cat.creating") : t("cat.create")}</Button>
            </div>
          </form>
        )}
      </Card>
    </div>
  )
}
