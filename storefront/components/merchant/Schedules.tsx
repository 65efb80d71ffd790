"use client"

import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Loading } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"
import { merchantApi, merchantRequest, type MerchantProduct } from "@/lib/merchant-api"
import { useMerchantSession } from "@/lib/merchant-session"
import { ApiErrorBox, Field } from "./ui"
import { useMerchantQuery } from "./use-merchant-query"

type Schedule = Record<string, unknown> & { id: string; product_id: string; variant_id: string | null; timezone: string; rrule: string }

const NUMBERS = ["slot_minutes", "buffer_minutes", "window_minutes", "capacity", "horizon_days", "min_notice_minutes",
  "free_cancel_hours", "cancel_fee_bps", "reschedule_until_hours", "max_reschedules"] as const
const DEFAULTS: Record<string, string> = {
  timezone: "Asia/Dubai", rrule: "FREQ=WEEKLY;BYDAY=SU,MO,TU,WE,TH;BYHOUR=10;BYMINUTE=0", slot_minutes: "60", buffer_minutes: "0",
  window_minutes: "480", capacity: "1", horizon_days: "60", min_notice_minutes: "120", free_cancel_hours: "24", cancel_fee_bps: "0",
  reschedule_until_hours: "24", max_reschedules: "1",
}

function ScheduleForm({ product, schedule }: { product: MerchantProduct; schedule?: Schedule }) {
  const { t } = useI18n()
  const { token } = useMerchantSession()
  const qc = useQueryClient()
  const initial: Record<string, string> = schedule
    ? Object.fromEntries(["timezone", "rrule", ...NUMBERS].map((k) => [k, schedule[k] === null || schedule[k] === undefined ? "" : String(schedule[k])]))
    : DEFAULTS
  const [form, setForm] = useState(initial)
  const [autoConfirm, setAutoConfirm] = useState(schedule ? !!schedule.auto_confirm : true)
  const save = useMutation({
    mutationFn: async () => {
      const body: Record<string, unknown> = { timezone: form.timezone, rrule: form.rrule, auto_confirm: autoConfirm }
      for (const k of NUMBERS) body[k] = form[k] === "" ? (k === "window_minutes" ? null : undefined) : Number(form[k])
      if (schedule) return merchantRequest(`/merchant/schedules/${schedule.id}`, { token, body })
      return merchantRequest("/merchant/schedules", { token, body: { ...body, product_id: product.id } })
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ["merchant", token, "schedules"] }),
  })
  const input = (k: string, type = "text") => (
    <Field key={k} label={t(`schedule.${k}` as any)} name={k} error={save.error}>
      <input type={type} value={form[k] ?? ""} dir="ltr" onChange={(e) => setForm({ ...form, [k]: e.target.value })} data-testid={`schedule-${k}`} />
    </Field>
  )
  return (
    <form className="form schedule-form" onSubmit={(e) => { e.preventDefault(); save.mutate() }} data-testid="schedule-form" data-product-id={product.id}>
      <strong dir="auto">{product.title}</strong> {schedule ? <span className="muted">· {schedule.timezone}</span> : <span className="muted">· {t("schedule.none")}</span>}
      {input("timezone")}
      {input("rrule")}
      <div className="schedule-grid">{NUMBERS.map((k) => input(k, "number"))}</div>
      <label className="field checkbox">
        <input type="checkbox" checked={autoConfirm} onChange={(e) => setAutoConfirm(e.target.checked)} /> <span>{t("schedule.auto_confirm")}</span>
      </label>
      <button type="submit" className="button primary" disabled={save.isPending} data-testid="schedule-save">{t("schedule.save")}</button>
      {save.isSuccess && <span className="success" data-testid="schedule-saved"> {t("schedule.saved")}</span>}
      {save.error ? <ApiErrorBox error={save.error} /> : null}
    </form>
  )
}

/** Booking schedules of the merchant's SERVICE products (docs/booking.md): create or edit. */
export function SchedulesSection() {
  const { t } = useI18n()
  const products = useMerchantQuery("products", merchantApi.products)
  const schedules = useMerchantQuery("schedules", (tk) => merchantRequest<{ schedules: Schedule[] }>("/merchant/schedules", { token: tk }))
  const services = (products.data?.products ?? []).filter((p) => p.kind === "SERVICE")
  return (
    <section className="portal-section" data-testid="merchant-schedules">
      <h2>{t("schedule.heading")}</h2>
      <p className="muted">{t("schedule.help")}</p>
      {products.error || schedules.error ? (
        <ApiErrorBox error={products.error ?? schedules.error} />
      ) : !products.data || !schedules.data ? (
        <Loading />
      ) : services.length === 0 ? (
        <p className="muted">{t("schedule.noServices")}</p>
      ) : (
        services.map((p) => (
          <ScheduleForm key={`${p.id}:${schedules.dataUpdatedAt}`} product={p}
            schedule={schedules.data!.schedules.find((s) => s.product_id === p.id && !s.variant_id) ?? schedules.data!.schedules.find((s) => s.product_id === p.id)} />
        ))
      )}
    </section>
  )
}
