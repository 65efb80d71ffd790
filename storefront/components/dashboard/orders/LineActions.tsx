"use client"

import { Button, Checkbox, Input, Label, Text } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { ErrorNotice } from "@/components/dashboard/parts"
import { ordersApi, type MoneyEffect, type OrderLine } from "@/lib/dashboard/api"
import { useDashboardI18n, type DashboardKey } from "@/lib/dashboard/i18n"
import { formatMinor, minorToMajorString } from "@/lib/money"
import { useDashboard } from "../context"
import { majorToMinor, moveKey, roleRefunds, roleShowsMove } from "./states"

type Pending = { kind: "move"; to: string; key: string } | { kind: "refund" }

/** The money a move would move, from the server (the ledger's own arithmetic), before confirming. */
function EffectPreview({ effect, currency }: { effect: MoneyEffect | undefined; currency: string }) {
  const { t, intlLocale } = useDashboardI18n()
  const money = (n: number) => formatMinor(n, currency, intlLocale)
  const signed = (n: number) => (n > 0 ? `+${money(n)}` : money(n))
  if (!effect) return <Text size="small" className="text-ui-fg-muted">{t("orders.effect.loading")}</Text>
  const rows: [string, DashboardKey, string][] = []
  if (effect.captured) rows.push(["captured", "orders.effect.captured", money(effect.captured)])
  if (effect.refunded) rows.push(["refunded", "orders.effect.refunded", money(effect.refunded)])
  if (effect.released) rows.push(["released", "orders.effect.released", money(effect.released)])
  if (effect.merchant_net) rows.push(["net", "orders.effect.net", signed(effect.merchant_net)])
  if (effect.platform_commission) rows.push(["commission", "orders.effect.commission", signed(effect.platform_commission)])
  if (effect.commission_vat) rows.push(["commission-vat", "orders.effect.commissionVat", signed(effect.commission_vat)])
  return (
    <div className="bg-ui-bg-subtle rounded-md px-3 py-2" data-testid="line-effect"
      data-captured={effect.captured} data-refunded={effect.refunded} data-released={effect.released} data-net={effect.merchant_net}>
      <Text size="small" weight="plus">{t("orders.effect.title")}</Text>
      {rows.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">{t("orders.effect.none")}</Text>
      ) : (
        rows.map(([k, key, amount]) => <Text key={k} size="small" data-testid={`line-effect-${k}`}>{t(key, { amount })}</Text>)
      )}
    </div>
  )
}

/** The moves the line engine allows this line now (and a refund), each confirmed after its money effect. */
export function LineActions({ orderId, line }: { orderId: string; line: OrderLine }) {
  const { t, intlLocale } = useDashboardI18n()
  const { token, merchantUser } = useDashboard()
  const qc = useQueryClient()
  const [pending, setPending] = useState<Pending | null>(null)
  const [carrier, setCarrier] = useState("")
  const [tracking, setTracking] = useState("")
  const [amount, setAmount] = useState("")
  const [reason, setReason] = useState("")
  const [restock, setRestock] = useState(false)
  const [debounced, setDebounced] = useState("")
  useEffect(() => {
    const h = setTimeout(() => setDebounced(amount.trim()), 300)
    return () => clearTimeout(h)
  }, [amount])

  const currency = line.currency_code
  const refundable = majorToMinor(line.captured_amount ?? 0, currency) - majorToMinor(line.refunded_amount ?? 0, currency)
  const moves = line.allowed_transitions.filter((m) => roleShowsMove(merchantUser.role, m.to))
  const effectQuery = useQuery({
    queryKey: ["merchant", token, "effect", line.id, line.state, pending?.kind === "move" ? pending.to : `refund:${debounced}`],
    enabled: !!pending && (pending.kind === "move" || /^\d+(\.\d+)?$/.test(debounced)),
    retry: false,
    queryFn: () => ordersApi.effect(token, orderId, line.id, pending?.kind === "move" ? { to: pending.to } : { refund: debounced }),
  })
  const confirm = useMutation({
    mutationFn: () => {
      if (pending?.kind === "refund") return ordersApi.refund(token, orderId, line.id, { amount: amount.trim(), reason: reason.trim(), ...(line.kind === "PHYSICAL" ? { restock } : {}) })
      const to = (pending as { to: string }).to
      return ordersApi.transition(token, orderId, line.id, {
        to,
        reason: reason.trim() || undefined,
        ...(to === "SHIPPED" ? { carrier: carrier.trim(), tracking_number: tracking.trim() } : {}),
      })
    },
    onSuccess: () => {
      setPending(null)
      setAmount("")
      setReason("")
      void qc.invalidateQueries({ queryKey: ["merchant"] })
    },
  })
  const open = (p: Pending) => {
    confirm.reset()
    setPending(p)
  }
  const ready = pending?.kind === "refund"
    ? /^\d+(\.\d+)?$/.test(amount.trim()) && reason.trim().length >= 3 && !!effectQuery.data
    : pending?.kind === "move" && pending.to === "SHIPPED" ? !!carrier.trim() && !!tracking.trim() : !!pending

  return (
    <div className="flex flex-col gap-3" data-testid="line-actions">
      <div className="flex flex-wrap gap-2">
        {moves.map((m) => (
          <Button key={m.name} size="small" variant={m.to === "CANCELLED" ? "danger" : "secondary"} data-testid={`line-move-${m.to}`}
            onClick={() => open({ kind: "move", to: m.to, key: moveKey(m) })}>
            {t(`orders.move.${moveKey(m)}` as DashboardKey)}
          </Button>
        ))}
        {roleRefunds(merchantUser.role) && refundable > 0 && (
          <Button size="small" variant="secondary" data-testid="line-refund" onClick={() => open({ kind: "refund" })}>
            {t("orders.move.refund")}
          </Button>
        )}
        {moves.length === 0 && !(roleRefunds(merchantUser.role) && refundable > 0) && (
          <Text size="small" className="text-ui-fg-muted">{t("orders.noMoves")}</Text>
        )}
      </div>

      {pending && (
        <div className="border-ui-border-base flex flex-col gap-3 rounded-lg border p-4" data-testid="line-confirm" data-move={pending.kind === "move" ? pending.to : "refund"}>
          <Text weight="plus">
            {t("orders.confirmTitle", { move: t(pending.kind === "move" ? (`orders.move.${pending.key}` as DashboardKey) : "orders.move.refund"), item: line.title ?? "" })}
          </Text>
          {pending.kind === "move" && pending.to === "SHIPPED" && (
            <div className="grid gap-3 sm:grid-cols-2">
              <div className="flex flex-col gap-1">
                <Label htmlFor={`carrier-${line.id}`} size="small">{t("orders.carrier")}</Label>
                <Input id={`carrier-${line.id}`} size="small" value={carrier} onChange={(e) => setCarrier(e.target.value)} data-testid="line-carrier" />
              </div>
              <div className="flex flex-col gap-1">
                <Label htmlFor={`tracking-${line.id}`} size="small">{t("orders.trackingNumber")}</Label>
                <Input id={`tracking-${line.id}`} size="small" dir="ltr" value={tracking} onChange={(e) => setTracking(e.target.value)} data-testid="line-tracking" />
              </div>
            </div>
          )}
          {pending.kind === "refund" && (
            <div className="grid gap-3 sm:grid-cols-2">
              <div className="flex flex-col gap-1">
                <Label htmlFor={`amount-${line.id}`} size="small">{t("orders.refundAmount", { currency: currency.toUpperCase() })}</Label>
                <Input id={`amount-${line.id}`} size="small" inputMode="decimal" dir="ltr" value={amount} onChange={(e) => setAmount(e.target.value)}
                  placeholder={minorToMajorString(refundable, currency)} data-testid="line-refund-amount" />
                <Text size="xsmall" className="text-ui-fg-muted">{t("orders.refundMax", { amount: formatMinor(refundable, currency, intlLocale) })}</Text>
              </div>
              <div className="flex flex-col gap-1">
                <Label htmlFor={`reason-${line.id}`} size="small">{t("orders.refundReason")}</Label>
                <Input id={`reason-${line.id}`} size="small" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="line-refund-reason" />
              </div>
              {line.kind === "PHYSICAL" && (
                <label className="flex items-center gap-2">
                  <Checkbox checked={restock} onCheckedChange={(v) => setRestock(v === true)} data-testid="line-refund-restock" />
                  <Text size="small">{t("orders.restock")}</Text>
                </label>
              )}
            </div>
          )}
          {(pending.kind === "move" || /^\d+(\.\d+)?$/.test(debounced)) &&
            (effectQuery.error ? <ErrorNotice error={effectQuery.error} testId="line-effect-error" /> : <EffectPreview effect={effectQuery.data?.effect} currency={currency} />)}
          <ErrorNotice error={confirm.error} testId="line-confirm-error" />
          <div className="flex gap-2">
            <Button size="small" variant="primary" disabled={!ready} isLoading={confirm.isPending} onClick={() => confirm.mutate()} data-testid="line-confirm-submit">
              {t("dash.confirm")}
            </Button>
            <Button size="small" variant="secondary" onClick={() => setPending(null)} data-testid="line-confirm-cancel">{t("dash.cancel")}</Button>
          </div>
        </div>
      )}
    </div>
  )
}
