"use client"

import { Badge, Button, Input, Table, Text } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import Link from "next/link"
import { useEffect, useState } from "react"
import { useDashboard } from "@/components/dashboard/context"
import { ErrorNotice, Loading, PageHeader } from "@/components/dashboard/parts"
import { catalogApi, type CatalogProduct } from "@/lib/catalog-api"
import { useDashboardI18n } from "@/lib/dashboard/i18n"
import { formatMoney } from "@/lib/money"
import { controlClass, useReasonWords } from "./shared"

const PAGE = 20

/** Products: search, filters, bulk publish / unpublish, and each product's readiness in words. */
export function ProductList() {
  const { t, intlLocale } = useDashboardI18n()
  const { token } = useDashboard()
  const reasonWords = useReasonWords()
  const qc = useQueryClient()
  const [q, setQ] = useState("")
  const [search, setSearch] = useState("")
  const [kind, setKind] = useState("")
  const [status, setStatus] = useState("")
  const [offset, setOffset] = useState(0)
  const [selected, setSelected] = useState<string[]>([])
  const [outcome, setOutcome] = useState<string[]>([])

  // The search runs once typing pauses.
  useEffect(() => {
    const id = setTimeout(() => {
      setSearch(q.trim())
      setOffset(0)
    }, 300)
    return () => clearTimeout(id)
  }, [q])

  const list = useQuery({
    queryKey: ["merchant", token, "catalog", search, kind, status, offset],
    queryFn: () => catalogApi.list(token, { q: search || undefined, kind: kind || undefined, status: status || undefined, limit: PAGE, offset }),
  })
  const products = list.data?.products ?? []

  const bulk = useMutation({
    mutationFn: (to: "draft" | "published") => catalogApi.setStatus(token, selected, to),
    onSuccess: (res) => {
      const titles = new Map(products.map((p) => [p.id, p.title]))
      setOutcome([
        t("cat.bulk.done", { count: res.updated.length }),
        ...res.refused.map((r) => t("cat.bulk.refused", { title: titles.get(r.id) ?? "", reason: reasonWords({ reason_code: r.reason_code }) })),
      ])
      setSelected([])
      qc.invalidateQueries({ queryKey: ["merchant", token, "catalog"] })
    },
  })

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]))
  const allOnPage = products.length > 0 && products.every((p) => selected.includes(p.id))

  return (
    <div className="flex flex-col gap-4" data-testid="catalog-list">
      <PageHeader
        title={t("products.heading")}
        actions={<Link href="/merchant/products/new"><Button size="small" data-testid="catalog-new">{t("cat.new")}</Button></Link>}
      />
      <div className="flex flex-wrap items-end gap-3">
        <Input type="search" placeholder={t("cat.search")} value={q} onChange={(e) => setQ(e.target.value)} className="min-w-64" data-testid="catalog-search" aria-label={t("cat.search")} />
        <select className={controlClass} value={kind} onChange={(e) => { setKind(e.target.value); setOffset(0) }} aria-label={t("cat.filter.kind")} data-testid="catalog-filter-kind">
          <option value="">{t("cat.filter.kind")}: {t("cat.filter.all")}</option>
          {(["PHYSICAL", "SERVICE", "COURSE"] as const).map((k) => <option key={k} value={k}>{t(`cat.kind.${k}`)}</option>)}
        </select>
        <select className={controlClass} value={status} onChange={(e) => { setStatus(e.target.value); setOffset(0) }} aria-label={t("cat.filter.status")} data-testid="catalog-filter-status">
          <option value="">{t("cat.filter.status")}: {t("cat.filter.all")}</option>
          <option value="published">{t("cat.status.published")}</option>
          <option value="draft">{t("cat.status.draft")}</option>
        </select>
      </div>

      {selected.length > 0 && (
        <div className="flex items-center gap-3" data-testid="catalog-bulk">
          <Text size="small">{t("cat.selected", { count: selected.length })}</Text>
          <Button size="small" variant="secondary" onClick={() => bulk.mutate("published")} isLoading={bulk.isPending} data-testid="catalog-bulk-publish">{t("cat.publish")}</Button>
          <Button size="small" variant="secondary" onClick={() => bulk.mutate("draft")} isLoading={bulk.isPending} data-testid="catalog-bulk-unpublish">{t("cat.unpublish")}</Button>
        </div>
      )}
      <ErrorNotice error={bulk.error} />
      {outcome.length > 0 && (
        <ul className="txt-compact-small text-ui-fg-subtle" data-testid="catalog-bulk-outcome">
          {outcome.map((line, i) => <li key={i} dir="auto">{line}</li>)}
        </ul>
      )}

      {list.error ? (
        <ErrorNotice error={list.error} />
      ) : !list.data ? (
        <Loading />
      ) : products.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted" data-testid="merchant-products-empty">{t("cat.empty")}</Text>
      ) : (
        <div className="bg-ui-bg-base shadow-elevation-card-rest overflow-x-auto rounded-lg">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>
                  <input type="checkbox" checked={allOnPage} aria-label={t("cat.selected", { count: products.length })}
                    onChange={() => setSelected(allOnPage ? [] : products.map((p) => p.id))} data-testid="catalog-select-all" />
                </Table.HeaderCell>
                <Table.HeaderCell>{t("cat.col.title")}</Table.HeaderCell>
                <Table.HeaderCell>{t("cat.col.kind")}</Table.HeaderCell>
                <Table.HeaderCell>{t("cat.col.status")}</Table.HeaderCell>
                <Table.HeaderCell>{t("cat.col.price")}</Table.HeaderCell>
                <Table.HeaderCell>{t("cat.col.stock")}</Table.HeaderCell>
                <Table.HeaderCell>{t("cat.col.ready")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {products.map((p) => (
                <Row key={p.id} product={p} checked={selected.includes(p.id)} onToggle={() => toggle(p.id)} intlLocale={intlLocale} reasonWords={reasonWords} />
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {list.data && list.data.count > PAGE && (
        <div className="flex items-center gap-3">
          <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t("cat.prev")}</Button>
          <Text size="small">{t("cat.page", { from: offset + 1, to: Math.min(offset + PAGE, list.data.count), count: list.data.count })}</Text>
          <Button size="small" variant="secondary" disabled={offset + PAGE >= list.data.count} onClick={() => setOffset(offset + PAGE)}>{t("cat.next")}</Button>
        </div>
      )}
    </div>
  )
}

function Row({ product: p, checked, onToggle, intlLocale, reasonWords }: {
  product: CatalogProduct; checked: boolean; onToggle: () => void; intlLocale: string; reasonWords: ReturnType<typeof useReasonWords>
}) {
  const { t } = useDashboardI18n()
  const prices = p.variants[0]?.prices ?? []
  const tracked = p.variants.filter((v) => v.stocked_quantity !== null)
  const stock = tracked.reduce((n, v) => n + (v.stocked_quantity ?? 0), 0)
  return (
    <Table.Row data-testid="merchant-product-row" data-product-id={p.id} data-handle={p.handle} data-status={p.status} data-ready={p.readiness.ready ? "true" : "false"}>
      <Table.Cell><input type="checkbox" checked={checked} onChange={onToggle} aria-label={p.title} data-testid="catalog-select" /></Table.Cell>
      <Table.Cell>
        <Link href={`/merchant/products/${p.id}`} className="text-ui-fg-interactive" data-testid="merchant-product-title" dir="auto">{p.title}</Link>
      </Table.Cell>
      <Table.Cell>{p.kind ? t(`cat.kind.${p.kind}`) : ""}</Table.Cell>
      <Table.Cell>
        <Badge size="2xsmall" color={p.status === "published" ? "green" : "grey"}>{t(p.status === "published" ? "cat.status.published" : "cat.status.draft")}</Badge>
      </Table.Cell>
      <Table.Cell data-testid="merchant-product-price">
        {prices.map((pr, i) => <span key={pr.currency_code}>{i > 0 && " · "}<bdi>{formatMoney(pr.amount, pr.currency_code, intlLocale)}</bdi></span>)}
      </Table.Cell>
      <Table.Cell>{tracked.length ? stock : "—"}</Table.Cell>
      <Table.Cell data-testid="catalog-readiness">
        {p.readiness.ready ? <Badge size="2xsmall" color="green">{t("cat.ready")}</Badge> : <Text size="xsmall" className="text-ui-fg-subtle">{reasonWords(p.readiness.problems[0])}</Text>}
      </Table.Cell>
    </Table.Row>
  )
}
