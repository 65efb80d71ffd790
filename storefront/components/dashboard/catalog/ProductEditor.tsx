"use client"

import { Badge, Button, Input, Text, Textarea } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import Link from "next/link"
import { useEffect, useState, type ReactNode } from "react"
import { useDashboard } from "@/components/dashboard/context"
import { Card, ErrorNotice, Loading, PageHeader } from "@/components/dashboard/parts"
import { catalogApi, fileToBase64, type CatalogProduct, type CatalogVariant } from "@/lib/catalog-api"
import { useDashboardI18n } from "@/lib/dashboard/i18n"
import { isApiError } from "@/lib/merchant-api"
import { CourseContent } from "./CourseContent"
import { ScheduleEditor } from "./ScheduleEditor"
import { controlClass, currencyWords, Field, parseAmount, useReasonWords, useRegions } from "./shared"

/** The product editor (issue 22 §2): every card saves on its own; the readiness list says what publishing needs. */
export function ProductEditor({ id }: { id: string }) {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const qc = useQueryClient()
  const key = ["merchant", token, "catalog-product", id]
  const product = useQuery({ queryKey: key, queryFn: () => catalogApi.get(token, id) })
  const refresh = (p?: CatalogProduct) => {
    if (p) qc.setQueryData(key, p)
    else qc.invalidateQueries({ queryKey: key })
    qc.invalidateQueries({ queryKey: ["merchant", token, "catalog"] })
  }
  if (product.error) return <ErrorNotice error={product.error} />
  if (!product.data) return <Loading />
  const p = product.data
  return (
    <div className="flex flex-col gap-4" data-testid="catalog-editor" data-product-id={p.id} data-status={p.status} data-kind={p.kind ?? ""}>
      <PageHeader title={p.title} titleIsData actions={<Link href="/merchant/products"><Button size="small" variant="secondary">{t("cat.back")}</Button></Link>} />
      <StatusCard product={p} onChange={refresh} />
      <GeneralCard product={p} onChange={refresh} />
      <VariantsCard product={p} onChange={refresh} />
      <OptionsCard product={p} onChange={refresh} />
      <ImagesCard product={p} onChange={refresh} />
      <TranslationsCard product={p} onChange={refresh} />
      {p.kind === "COURSE" && <CourseContent productId={p.id} onChange={() => refresh()} />}
      {p.kind === "SERVICE" && p.booking_mode !== "by_appointment" && <ScheduleEditor productId={p.id} onChange={() => refresh()} />}
    </div>
  )
}

type CardProps = { product: CatalogProduct; onChange: (p?: CatalogProduct) => void }

function Saved({ show }: { show: boolean }) {
  const { t } = useDashboardI18n()
  return show ? <Text size="xsmall" className="text-ui-fg-subtle" role="status" data-testid="catalog-saved">{t("cat.saved")}</Text> : null
}

function StatusCard({ product: p, onChange }: CardProps) {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const reasonWords = useReasonWords()
  const [refused, setRefused] = useState<string | null>(null)
  const move = useMutation({
    mutationFn: (status: "draft" | "published") => catalogApi.update(token, p.id, { status }),
    onSuccess: (next) => { setRefused(null); onChange(next) },
    onError: async (e) => {
      // The refusal's reason is the product's first open problem, in words (the server's code stays out of sight).
      if (isApiError(e) && e.status === 422) {
        const fresh = await catalogApi.get(token, p.id)
        onChange(fresh)
        setRefused(fresh.readiness.problems[0] ? t("cat.publishRefused", { reason: reasonWords(fresh.readiness.problems[0]) }) : null)
      }
    },
  })
  const live = p.status === "published"
  return (
    <Card title={t("cat.readiness")} actions={
      <div className="flex items-center gap-2">
        <Badge size="2xsmall" color={live ? "green" : "grey"} data-testid="catalog-status">{t(live ? "cat.status.published" : "cat.status.draft")}</Badge>
        <Button size="small" variant={live ? "secondary" : "primary"} isLoading={move.isPending} onClick={() => move.mutate(live ? "draft" : "published")}
          data-testid={live ? "catalog-unpublish" : "catalog-publish"}>
          {t(live ? "cat.unpublish" : "cat.publish")}
        </Button>
      </div>
    }>
      {p.readiness.ready ? (
        <Text size="small" data-testid="catalog-ready">{t(live ? "cat.readiness.live" : "cat.readiness.ok")}</Text>
      ) : (
        <ul className="list-disc ps-5 txt-compact-small" data-testid="catalog-problems">
          {p.readiness.problems.map((pr, i) => <li key={i} data-reason={pr.reason_code}>{reasonWords(pr)}</li>)}
        </ul>
      )}
      {refused && <p role="alert" className="text-ui-fg-error txt-compact-small mt-2" data-testid="catalog-publish-refused">{refused}</p>}
      {move.error && !(isApiError(move.error) && move.error.status === 422) ? <ErrorNotice error={move.error} /> : null}
    </Card>
  )
}

function GeneralCard({ product: p, onChange }: CardProps) {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const [title, setTitle] = useState(p.title)
  const [handle, setHandle] = useState(p.handle)
  const [description, setDescription] = useState(p.description ?? "")
  const save = useMutation({ mutationFn: () => catalogApi.update(token, p.id, { title: title.trim(), handle: handle.trim(), description }), onSuccess: (next) => onChange(next) })
  return (
    <Card title={t("cat.section.general")}>
      <div className="flex max-w-xl flex-col gap-3">
        <Field label={t("cat.field.title")}><Input dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="catalog-title" /></Field>
        <Field label={t("cat.field.handle")}><Input dir="ltr" value={handle} onChange={(e) => setHandle(e.target.value)} data-testid="catalog-handle" /></Field>
        <Field label={t("cat.field.description")}><Textarea dir="auto" rows={4} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="catalog-description" /></Field>
        <ErrorNotice error={save.error} />
        <div className="flex items-center gap-3">
          <Button size="small" isLoading={save.isPending} onClick={() => save.mutate()} data-testid="catalog-general-save">{t("dash.save")}</Button>
          <Saved show={save.isSuccess} />
        </div>
      </div>
    </Card>
  )
}

function TranslationsCard({ product: p, onChange }: CardProps) {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const [texts, setTexts] = useState(() => ({
    ru: { title: p.translations.ru?.title ?? "", description: p.translations.ru?.description ?? "" },
    ar: { title: p.translations.ar?.title ?? "", description: p.translations.ar?.description ?? "" },
  }))
  const save = useMutation({ mutationFn: () => catalogApi.update(token, p.id, { translations: texts }), onSuccess: (next) => onChange(next) })
  return (
    <Card title={t("cat.section.translations")}>
      <Text size="xsmall" className="text-ui-fg-muted mb-3">{t("cat.translationHint")}</Text>
      <div className="grid gap-4 md:grid-cols-2">
        {(["ru", "ar"] as const).map((l) => (
          <div key={l} className="flex flex-col gap-2" lang={l} dir={l === "ar" ? "rtl" : "ltr"}>
            <Text size="small" weight="plus">{t(`cat.lang.${l}`)}</Text>
            <Field label={t("cat.field.title")}>
              <Input value={texts[l].title} onChange={(e) => setTexts({ ...texts, [l]: { ...texts[l], title: e.target.value } })} data-testid={`catalog-tr-${l}-title`} />
            </Field>
            <Field label={t("cat.field.description")}>
              <Textarea rows={3} value={texts[l].description} onChange={(e) => setTexts({ ...texts, [l]: { ...texts[l], description: e.target.value } })} data-testid={`catalog-tr-${l}-description`} />
            </Field>
          </div>
        ))}
      </div>
      <ErrorNotice error={save.error} />
      <div className="mt-3 flex items-center gap-3">
        <Button size="small" isLoading={save.isPending} onClick={() => save.mutate()} data-testid="catalog-translations-save">{t("dash.save")}</Button>
        <Saved show={save.isSuccess} />
      </div>
    </Card>
  )
}

function ImagesCard({ product: p, onChange }: CardProps) {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const images = (p.images ?? []).filter(Boolean)
  const setGallery = useMutation({ mutationFn: (urls: string[]) => catalogApi.update(token, p.id, { images: urls.map((url) => ({ url })) }), onSuccess: (next) => onChange(next) })
  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      const payload = await Promise.all(files.slice(0, 4).map(async (f) => ({
        filename: f.name.replace(/[^A-Za-z0-9._-]+/g, "-").slice(-100) || "picture", mime_type: f.type, content_base64: await fileToBase64(f),
      })))
      const uploaded = await catalogApi.upload(token, payload)
      return catalogApi.update(token, p.id, { images: [...images.map((i) => ({ url: i.url })), ...uploaded.map((u) => ({ url: u.url }))] })
    },
    onSuccess: (next) => onChange(next),
  })
  return (
    <Card title={t("cat.section.images")}>
      {images.length === 0 ? <Text size="small" className="text-ui-fg-muted">{t("cat.images.none")}</Text> : (
        <ul className="flex flex-wrap gap-3" data-testid="catalog-images">
          {images.map((img) => (
            <li key={img.id} className="flex flex-col items-center gap-1" data-testid="catalog-image">
              {/* eslint-disable-next-line @next/next/no-img-element -- uploads live on the Medusa server's file host */}
              <img src={img.url} alt="" className="h-24 w-24 rounded-md object-cover" />
              <Button size="small" variant="transparent" onClick={() => setGallery.mutate(images.filter((i) => i.id !== img.id).map((i) => i.url))}>{t("cat.images.remove")}</Button>
            </li>
          ))}
        </ul>
      )}
      <label className="mt-3 flex flex-col gap-1 txt-compact-small">
        <span className="text-ui-fg-subtle font-medium">{upload.isPending ? t("cat.images.uploading") : t("cat.images.add")}</span>
        <input type="file" accept="image/png,image/jpeg,image/webp,image/gif" multiple disabled={upload.isPending}
          onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ""; if (files.length) upload.mutate(files) }} data-testid="catalog-image-input" />
      </label>
      <ErrorNotice error={upload.error ?? setGallery.error} />
    </Card>
  )
}

function OptionsCard({ product: p, onChange }: CardProps) {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const options = (p.options ?? []).filter(Boolean)
  const [name, setName] = useState("")
  const [values, setValues] = useState("")
  const split = (s: string) => [...new Set(s.split(",").map((v) => v.trim()).filter(Boolean))]
  const add = useMutation({
    mutationFn: () => catalogApi.addOption(token, p.id, { title: name.trim(), values: split(values) }),
    onSuccess: (next) => { setName(""); setValues(""); onChange(next) },
  })
  return (
    <Card title={t("cat.section.options")}>
      <div className="flex flex-col gap-3">
        {options.map((o) => <OptionRow key={o.id} productId={p.id} option={o} onChange={onChange} />)}
        <div className="flex flex-wrap items-end gap-2 border-t border-ui-border-base pt-3">
          <Field label={t("cat.option.name")}><Input dir="auto" value={name} onChange={(e) => setName(e.target.value)} data-testid="catalog-option-name" /></Field>
          <Field label={t("cat.option.values")}><Input dir="auto" value={values} onChange={(e) => setValues(e.target.value)} data-testid="catalog-option-values" /></Field>
          <Button size="small" variant="secondary" disabled={!name.trim() || !split(values).length} isLoading={add.isPending} onClick={() => add.mutate()} data-testid="catalog-option-add">{t("cat.option.add")}</Button>
        </div>
        <ErrorNotice error={add.error} />
      </div>
    </Card>
  )
}

function OptionRow({ productId, option, onChange }: { productId: string; option: NonNullable<CatalogProduct["options"]>[number]; onChange: CardProps["onChange"] }) {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const [values, setValues] = useState(option.values.map((v) => v.value).join(", "))
  const save = useMutation({
    mutationFn: () => catalogApi.updateOption(token, productId, option.id, { values: [...new Set(values.split(",").map((v) => v.trim()).filter(Boolean))] }),
    onSuccess: (next) => onChange(next),
  })
  return (
    <div className="flex flex-wrap items-end gap-2" data-testid="catalog-option" data-option-title={option.title}>
      <Text size="small" weight="plus" className="min-w-24" dir="auto">{option.title}</Text>
      <Field label={t("cat.option.values")}><Input dir="auto" value={values} onChange={(e) => setValues(e.target.value)} /></Field>
      <Button size="small" variant="secondary" isLoading={save.isPending} onClick={() => save.mutate()}>{t("dash.save")}</Button>
      <ErrorNotice error={save.error} />
    </div>
  )
}

function VariantsCard({ product: p, onChange }: CardProps) {
  const { t } = useDashboardI18n()
  const regions = useRegions()
  const currencies = [...new Map((regions.data ?? []).map((r) => [r.currency_code, r])).values()]
  return (
    <Card title={t("cat.section.variants")}>
      <Text size="xsmall" className="text-ui-fg-muted mb-3">{t("cat.pricesHint")}</Text>
      <div className="flex flex-col gap-4">
        {p.variants.map((v) => <VariantRow key={v.id} product={p} variant={v} currencies={currencies} onChange={onChange} />)}
        <NewVariant product={p} currencies={currencies} onChange={onChange} />
      </div>
    </Card>
  )
}

type Currency = { currency_code: string; name: string }

function PriceInputs({ currencies, prices, setPrices, testPrefix }: { currencies: Currency[]; prices: Record<string, string>; setPrices: (p: Record<string, string>) => void; testPrefix: string }) {
  const { t, intlLocale } = useDashboardI18n()
  return (
    <>
      {currencies.map((r) => (
        <Field key={r.currency_code} label={t("cat.field.priceIn", { currency: r.currency_code.toUpperCase(), region: currencyWords(r.currency_code, intlLocale) })}>
          <Input dir="ltr" inputMode="decimal" className="w-32" value={prices[r.currency_code] ?? ""} onChange={(e) => setPrices({ ...prices, [r.currency_code]: e.target.value })}
            data-testid={`${testPrefix}-price-${r.currency_code}`} />
        </Field>
      ))}
    </>
  )
}

function pricesOf(prices: Record<string, string>, t: (k: "cat.invalidPrice" | "cat.needPrice") => string) {
  const list = Object.entries(prices).map(([currency_code, text]) => ({ currency_code, amount: parseAmount(text) }))
  if (list.some((p) => Number.isNaN(p.amount))) throw new Error(t("cat.invalidPrice"))
  const given = list.filter((p): p is { currency_code: string; amount: number } => p.amount !== null)
  if (!given.length) throw new Error(t("cat.needPrice"))
  return given
}

function VariantRow({ product: p, variant: v, currencies, onChange }: CardProps & { variant: CatalogVariant; currencies: Currency[] }) {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const initial = () => Object.fromEntries((v.prices ?? []).map((pr) => [pr.currency_code, String(pr.amount)]))
  const [prices, setPrices] = useState<Record<string, string>>(initial)
  const [stock, setStock] = useState(String(v.stocked_quantity ?? 0))
  const [localError, setLocalError] = useState<string | null>(null)
  useEffect(() => { setStock(String(v.stocked_quantity ?? 0)) }, [v.stocked_quantity])
  const save = useMutation({
    mutationFn: async () => {
      let next = await catalogApi.updateVariant(token, p.id, v.id, { prices: pricesOf(prices, t) })
      if (v.stocked_quantity !== null) {
        await catalogApi.setStock(token, p.id, v.id, Math.max(0, Math.floor(Number(stock) || 0)))
        next = await catalogApi.get(token, p.id)
      }
      return next
    },
    onMutate: () => setLocalError(null),
    onSuccess: (next) => onChange(next),
    onError: (e) => { if (!isApiError(e)) setLocalError((e as Error).message) },
  })
  const remove = useMutation({ mutationFn: () => catalogApi.deleteVariant(token, p.id, v.id), onSuccess: () => onChange() })
  const optionText = (v.options ?? []).map((o) => o.value).join(" · ")
  return (
    <div className="flex flex-wrap items-end gap-3 border-b border-ui-border-base pb-3" data-testid="catalog-variant" data-variant-title={v.title}>
      <div className="min-w-32">
        <Text size="small" weight="plus" dir="auto">{v.title}</Text>
        {optionText && <Text size="xsmall" className="text-ui-fg-muted" dir="auto">{optionText}</Text>}
      </div>
      <PriceInputs currencies={currencies} prices={prices} setPrices={setPrices} testPrefix="catalog-variant" />
      {/* Only goods keep stock; services are bounded by their schedule's seats, courses by nothing. */}
      {p.kind === "PHYSICAL" && (
        <Field label={t("cat.field.stock")}>
          {v.stocked_quantity === null ? <Text size="small" className="text-ui-fg-muted">{t("cat.variant.noStock")}</Text> :
            <Input type="number" min={0} dir="ltr" className="w-24" value={stock} onChange={(e) => setStock(e.target.value)} data-testid="catalog-variant-stock" />}
        </Field>
      )}
      <Button size="small" isLoading={save.isPending} onClick={() => save.mutate()} data-testid="catalog-variant-save">{t("dash.save")}</Button>
      {p.variants.length > 1 && <Button size="small" variant="transparent" isLoading={remove.isPending} onClick={() => remove.mutate()}>{t("cat.variant.remove")}</Button>}
      <Saved show={save.isSuccess} />
      {localError && <p role="alert" className="text-ui-fg-error txt-compact-small">{localError}</p>}
      <ErrorNotice error={save.error && isApiError(save.error) ? save.error : remove.error} />
    </div>
  )
}

function NewVariant({ product: p, currencies, onChange }: CardProps & { currencies: Currency[] }) {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const options = (p.options ?? []).filter(Boolean)
  const [title, setTitle] = useState("")
  const [choice, setChoice] = useState<Record<string, string>>({})
  const [prices, setPrices] = useState<Record<string, string>>({})
  const [stock, setStock] = useState("0")
  const [localError, setLocalError] = useState<string | null>(null)
  const add = useMutation({
    mutationFn: () => catalogApi.addVariant(token, p.id, {
      title: title.trim(),
      options: Object.fromEntries(options.map((o) => [o.title, choice[o.title] ?? o.values[0]?.value ?? ""])),
      prices: pricesOf(prices, t),
      ...(p.kind === "PHYSICAL" ? { stocked_quantity: Math.max(0, Math.floor(Number(stock) || 0)) } : {}),
    }),
    onMutate: () => setLocalError(null),
    onSuccess: (next) => { setTitle(""); setPrices({}); onChange(next) },
    onError: (e) => { if (!isApiError(e)) setLocalError((e as Error).message) },
  })
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="catalog-new-variant">
      <Field label={t("cat.variant.title")}><Input dir="auto" className="w-40" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="catalog-new-variant-title" /></Field>
      {options.map((o) => (
        <Field key={o.id} label={o.title} labelIsData>
          <select className={controlClass} value={choice[o.title] ?? o.values[0]?.value ?? ""} onChange={(e) => setChoice({ ...choice, [o.title]: e.target.value })}>
            {o.values.map((v) => <option key={v.id} value={v.value}>{v.value}</option>)}
          </select>
        </Field>
      ))}
      <PriceInputs currencies={currencies} prices={prices} setPrices={setPrices} testPrefix="catalog-new-variant" />
      {p.kind === "PHYSICAL" && <Field label={t("cat.field.stock")}><Input type="number" min={0} dir="ltr" className="w-24" value={stock} onChange={(e) => setStock(e.target.value)} /></Field>}
      <Button size="small" variant="secondary" disabled={!title.trim()} isLoading={add.isPending} onClick={() => add.mutate()} data-testid="catalog-new-variant-add">{t("cat.variant.add")}</Button>
      {localError && <p role="alert" className="text-ui-fg-error txt-compact-small">{localError}</p>}
      <ErrorNotice error={add.error && isApiError(add.error) ? add.error : null} />
    </div>
  )
}

export type { ReactNode }
