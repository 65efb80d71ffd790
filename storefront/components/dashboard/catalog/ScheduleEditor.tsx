"use client"

import { Button, Input, Text } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useMemo, useRef, useState } from "react"
import { useDashboard } from "@/components/dashboard/context"
import { Card, ErrorNotice, Loading } from "@/components/dashboard/parts"
import { catalogApi, type Schedule, type ScheduleFields } from "@/lib/catalog-api"
import { useDashboardI18n } from "@/lib/dashboard/i18n"
import { blocksToCells, bpsToPercent, CELL_MINUTES, cellKey, cellsToBlocks, DAYS, hhmm, percentToBps, zonedToUtc, zoneName } from "@/lib/dashboard/schedule-grid"
import { controlClass, Field } from "./shared"

const ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf("timeZone")
  } catch {
    return ["UTC", "Europe/Berlin", "Europe/Moscow", "Asia/Dubai"]
  }
})()
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"

/** The schedule of a service (issue 22 §3): loads the product's schedule, or starts a new one. */
export function ScheduleEditor({ productId, onChange }: { productId: string; onChange: () => void }) {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const key = ["merchant", token, "schedules", productId]
  const schedules = useQuery({ queryKey: key, queryFn: () => catalogApi.schedules(token, productId) })
  if (schedules.error) return <Card title={t("cat.sched.heading")}><ErrorNotice error={schedules.error} /></Card>
  if (!schedules.data) return <Card title={t("cat.sched.heading")}><Loading /></Card>
  const current = schedules.data.find((s) => !s.variant_id) ?? null
  return <ScheduleForm key={current?.id ?? "new"} productId={productId} current={current} onSaved={onChange} queryKey={key} />
}

function ScheduleForm({ productId, current, onSaved, queryKey }: { productId: string; current: Schedule | null; onSaved: () => void; queryKey: unknown[] }) {
  const { t, intlLocale, locale } = useDashboardI18n()
  const { token } = useDashboard()
  const qc = useQueryClient()
  const [timezone, setTimezone] = useState(current?.timezone ?? viewerZone())
  const [cells, setCells] = useState<Set<string>>(() => blocksToCells(current?.weekly_hours))
  const [slot, setSlot] = useState(String(current?.slot_minutes ?? 60))
  const [buffer, setBuffer] = useState(String(current?.buffer_minutes ?? 0))
  const [capacity, setCapacity] = useState(String(current?.capacity ?? 1))
  const [noticeHours, setNoticeHours] = useState(String(Math.round((current?.min_notice_minutes ?? 60) / 60)))
  const [horizon, setHorizon] = useState(String(current?.horizon_days ?? 60))
  const [daysOff, setDaysOff] = useState<Set<string>>(() => new Set((current?.exdates ?? []).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))))
  const [blackouts, setBlackouts] = useState<{ start: string; end: string }[]>(current?.blackouts ?? [])
  const [extra, setExtra] = useState<string[]>(current?.extra_slots ?? [])
  const [freeCancel, setFreeCancel] = useState(String(current?.free_cancel_hours ?? 24))
  const [fee, setFee] = useState(bpsToPercent(current?.cancel_fee_bps ?? 0))
  const [moveUntil, setMoveUntil] = useState(String(current?.reschedule_until_hours ?? 24))
  const [maxMoves, setMaxMoves] = useState(String(current?.max_reschedules ?? 1))
  const [localError, setLocalError] = useState<string | null>(null)

  const int = (s: string, min: number) => Math.max(min, Math.floor(Number(s) || 0))
  const blocks = useMemo(() => cellsToBlocks(cells), [cells])
  const previewBody = {
    timezone, weekly_hours: blocks, slot_minutes: int(slot, 5), buffer_minutes: int(buffer, 0), min_notice_minutes: int(noticeHours, 0) * 60,
    horizon_days: int(horizon, 1), exdates: [...daysOff].sort(), blackouts, extra_slots: extra, count: 8,
  }
  const [debounced, setDebounced] = useState(previewBody)
  const previewKey = JSON.stringify(previewBody)
  useEffect(() => {
    const id = setTimeout(() => setDebounced(JSON.parse(previewKey)), 400)
    return () => clearTimeout(id)
  }, [previewKey])
  const preview = useQuery({
    queryKey: ["merchant", token, "schedule-preview", JSON.stringify(debounced)],
    enabled: debounced.weekly_hours.length > 0,
    retry: false,
    queryFn: () => catalogApi.preview(token, debounced),
  })

  const save = useMutation({
    mutationFn: async () => {
      const bps = percentToBps(fee || "0")
      if (bps === null) throw new Error(t("cat.invalidPrice"))
      const fields: ScheduleFields = {
        ...previewBody, capacity: int(capacity, 1), exdates: previewBody.exdates, free_cancel_hours: int(freeCancel, 0), cancel_fee_bps: bps,
        reschedule_until_hours: int(moveUntil, 0), max_reschedules: int(maxMoves, 0),
      }
      const { count: _count, ...body } = fields as ScheduleFields & { count?: number }
      return current ? catalogApi.updateSchedule(token, current.id, body) : catalogApi.createSchedule(token, { ...body, product_id: productId })
    },
    onMutate: () => setLocalError(null),
    onSuccess: () => { qc.invalidateQueries({ queryKey }); onSaved() },
    onError: (e) => { if (!(e as { status?: number }).status) setLocalError((e as Error).message) },
  })

  const viewer = viewerZone()
  const inZone = (iso: string, tz: string) => new Intl.DateTimeFormat(intlLocale, { timeZone: tz, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso))

  return (
    <Card title={t("cat.sched.heading")} testId="catalog-schedule">
      <div className="flex flex-col gap-5">
        <Field label={t("cat.sched.zone")}>
          <select className={`${controlClass} max-w-md`} value={timezone} onChange={(e) => setTimezone(e.target.value)} data-testid="sched-zone">
            {(ZONES.includes(timezone) ? ZONES : [timezone, ...ZONES]).map((z) => <option key={z} value={z}>{zoneName(z, intlLocale)}</option>)}
          </select>
        </Field>

        {current && !current.weekly_hours?.length && <Text size="small" className="text-ui-fg-subtle" data-testid="sched-from-rule">{t("cat.sched.fromRule")}</Text>}
        <WeekGrid cells={cells} setCells={setCells} locale={intlLocale} dir={locale === "ar" ? "rtl" : "ltr"} />

        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
          <Field label={t("cat.sched.slot")}><Input type="number" min={5} dir="ltr" value={slot} onChange={(e) => setSlot(e.target.value)} data-testid="sched-slot" /></Field>
          <Field label={t("cat.sched.buffer")}><Input type="number" min={0} dir="ltr" value={buffer} onChange={(e) => setBuffer(e.target.value)} data-testid="sched-buffer" /></Field>
          <Field label={t("cat.sched.capacity")}><Input type="number" min={1} dir="ltr" value={capacity} onChange={(e) => setCapacity(e.target.value)} data-testid="sched-capacity" /></Field>
          <Field label={t("cat.sched.notice")}><Input type="number" min={0} dir="ltr" value={noticeHours} onChange={(e) => setNoticeHours(e.target.value)} data-testid="sched-notice" /></Field>
          <Field label={t("cat.sched.horizon")}><Input type="number" min={1} dir="ltr" value={horizon} onChange={(e) => setHorizon(e.target.value)} /></Field>
        </div>

        <MonthCalendar daysOff={daysOff} setDaysOff={setDaysOff} intlLocale={intlLocale} />
        <Ranges timezone={timezone} blackouts={blackouts} setBlackouts={setBlackouts} extra={extra} setExtra={setExtra} intlLocale={intlLocale} />

        <div>
          <Text size="small" weight="plus" className="mb-2">{t("cat.sched.policies")}</Text>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <Field label={t("cat.sched.freeCancel")}><Input type="number" min={0} dir="ltr" value={freeCancel} onChange={(e) => setFreeCancel(e.target.value)} data-testid="sched-free-cancel" /></Field>
            <Field label={t("cat.sched.fee")}><Input dir="ltr" inputMode="decimal" value={fee} onChange={(e) => setFee(e.target.value)} data-testid="sched-fee-percent" /></Field>
            <Field label={t("cat.sched.moveUntil")}><Input type="number" min={0} dir="ltr" value={moveUntil} onChange={(e) => setMoveUntil(e.target.value)} /></Field>
            <Field label={t("cat.sched.maxMoves")}><Input type="number" min={0} dir="ltr" value={maxMoves} onChange={(e) => setMaxMoves(e.target.value)} /></Field>
          </div>
        </div>

        <div data-testid="sched-preview">
          <Text size="small" weight="plus" className="mb-2">{t("cat.sched.preview")}</Text>
          {!blocks.length ? <Text size="small" className="text-ui-fg-muted">{t("cat.sched.empty")}</Text>
            : preview.error ? <ErrorNotice error={preview.error} />
            : !preview.data ? <Loading />
            : preview.data.slots.length === 0 ? <Text size="small" className="text-ui-fg-muted">{t("cat.sched.previewNone")}</Text> : (
              <table className="txt-compact-small">
                <thead>
                  <tr className="text-ui-fg-subtle">
                    <th className="pe-6 text-start font-medium">{t("cat.sched.inZone", { zone: zoneName(timezone, intlLocale) })}</th>
                    {viewer !== timezone && <th className="text-start font-medium">{t("cat.sched.yours", { zone: zoneName(viewer, intlLocale) })}</th>}
                  </tr>
                </thead>
                <tbody>
                  {preview.data.slots.map((s) => (
                    <tr key={s.start_at} data-testid="sched-preview-slot" data-start={s.start_at}>
                      <td className="pe-6">{inZone(s.start_at, timezone)}</td>
                      {viewer !== timezone && <td className="text-ui-fg-subtle">{inZone(s.start_at, viewer)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
        </div>

        {localError && <p role="alert" className="text-ui-fg-error txt-compact-small">{localError}</p>}
        <ErrorNotice error={save.error && (save.error as { status?: number }).status ? save.error : null} testId="sched-error" />
        <div className="flex items-center gap-3">
          <Button size="small" disabled={!blocks.length} isLoading={save.isPending} onClick={() => save.mutate()} data-testid="sched-save">{t("cat.sched.save")}</Button>
          {save.isSuccess && <Text size="xsmall" className="text-ui-fg-subtle" role="status" data-testid="sched-saved">{t("cat.sched.saved")}</Text>}
        </div>
      </div>
    </Card>
  )
}

/** Seven days × half hours; press and drag to paint or wipe (the first cell decides which). */
function WeekGrid({ cells, setCells, locale, dir }: { cells: Set<string>; setCells: (s: Set<string>) => void; locale: string; dir: "ltr" | "rtl" }) {
  const { t } = useDashboardI18n()
  const painting = useRef<null | boolean>(null)
  const scroller = useRef<HTMLDivElement>(null)
  useEffect(() => { if (scroller.current) scroller.current.scrollTop = 16 * 20 }, [])
  useEffect(() => {
    const stop = () => { painting.current = null }
    window.addEventListener("pointerup", stop)
    return () => window.removeEventListener("pointerup", stop)
  }, [])
  // 2024-01-01 was a Monday: weekday names in the viewer's language.
  const dayName = (i: number) => new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + i)))
  const apply = (key: string, on: boolean) => {
    const next = new Set(cells)
    if (on) next.add(key)
    else next.delete(key)
    setCells(next)
  }
  const rows = Array.from({ length: (24 * 60) / CELL_MINUTES }, (_, i) => i * CELL_MINUTES)
  return (
    <div>
      <div className="mb-2 flex items-center justify-between">
        <Text size="small" weight="plus">{t("cat.sched.grid")}</Text>
        <Button size="small" variant="transparent" onClick={() => setCells(new Set())}>{t("cat.sched.clear")}</Button>
      </div>
      <div ref={scroller} className="max-h-96 overflow-y-auto rounded-md border border-ui-border-base select-none" dir={dir} data-testid="sched-grid">
        <table className="w-full table-fixed txt-compact-xsmall">
          <thead className="bg-ui-bg-subtle sticky top-0">
            <tr>
              <th className="w-14" />
              {DAYS.map((d, i) => <th key={d} className="py-1 font-medium">{dayName(i)}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m}>
                <td className="text-ui-fg-muted pe-1 text-end align-top" dir="ltr">{m % 60 === 0 ? hhmm(m) : ""}</td>
                {DAYS.map((d, i) => {
                  const key = cellKey(d, m)
                  const on = cells.has(key)
                  return (
                    <td key={d} className="p-0">
                      <button type="button" aria-pressed={on} aria-label={`${dayName(i)} ${hhmm(m)}`} data-testid={`sched-cell-${d}-${hhmm(m).replace(":", "")}`}
                        className={`block h-5 w-full border-b border-e border-ui-border-base ${on ? "bg-ui-bg-interactive" : "bg-ui-bg-base hover:bg-ui-bg-base-hover"}`}
                        onPointerDown={(e) => { e.preventDefault(); painting.current = !on; apply(key, !on) }}
                        onPointerEnter={() => { if (painting.current !== null && on !== painting.current) apply(key, painting.current) }}
                        onKeyDown={(e) => { if (e.key === " " || e.key === "Enter") { e.preventDefault(); apply(key, !on) } }} />
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

/** Days off on a month calendar (local dates in the schedule's zone). */
function MonthCalendar({ daysOff, setDaysOff, intlLocale }: { daysOff: Set<string>; setDaysOff: (s: Set<string>) => void; intlLocale: string }) {
  const { t } = useDashboardI18n()
  const today = new Date()
  const [month, setMonth] = useState({ y: today.getFullYear(), m: today.getMonth() })
  const first = new Date(Date.UTC(month.y, month.m, 1))
  const lead = (first.getUTCDay() + 6) % 7 // Monday first
  const days = new Date(Date.UTC(month.y, month.m + 1, 0)).getUTCDate()
  const iso = (d: number) => `${month.y}-${String(month.m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`
  const shift = (n: number) => setMonth(({ y, m }) => ({ y: y + Math.floor((m + n) / 12), m: (((m + n) % 12) + 12) % 12 }))
  const title = new Intl.DateTimeFormat(intlLocale, { month: "long", year: "numeric", timeZone: "UTC" }).format(first)
  return (
    <div data-testid="sched-calendar">
      <Text size="small" weight="plus" className="mb-2">{t("cat.sched.daysOff")}</Text>
      <div className="inline-block rounded-md border border-ui-border-base p-2">
        <div className="mb-1 flex items-center justify-between gap-2">
          <Button size="small" variant="transparent" onClick={() => shift(-1)} aria-label={t("cat.sched.prevMonth")}>‹</Button>
          <Text size="small">{title}</Text>
          <Button size="small" variant="transparent" onClick={() => shift(1)} aria-label={t("cat.sched.nextMonth")}>›</Button>
        </div>
        <div className="grid grid-cols-7 gap-1 txt-compact-xsmall">
          {Array.from({ length: lead }, (_, i) => <span key={`lead-${i}`} />)}
          {Array.from({ length: days }, (_, i) => {
            const date = iso(i + 1)
            const off = daysOff.has(date)
            return (
              <button key={date} type="button" aria-pressed={off} data-testid={`sched-day-${date}`}
                className={`h-7 w-8 rounded ${off ? "bg-ui-tag-red-bg text-ui-tag-red-text line-through" : "hover:bg-ui-bg-base-hover"}`}
                onClick={() => { const next = new Set(daysOff); if (off) next.delete(date); else next.add(date); setDaysOff(next) }}>
                {i + 1}
              </button>
            )
          })}
        </div>
      </div>
    </div>
  )
}

/** Closed hours on one date (stored as instants) and one-off extra slots (local wall times). */
function Ranges({ timezone, blackouts, setBlackouts, extra, setExtra, intlLocale }: {
  timezone: string; blackouts: { start: string; end: string }[]; setBlackouts: (b: { start: string; end: string }[]) => void
  extra: string[]; setExtra: (e: string[]) => void; intlLocale: string
}) {
  const { t } = useDashboardI18n()
  const [date, setDate] = useState("")
  const [from, setFrom] = useState("12:00")
  const [to, setTo] = useState("13:00")
  const [extraDate, setExtraDate] = useState("")
  const [extraTime, setExtraTime] = useState("10:00")
  const shown = (iso: string) => new Intl.DateTimeFormat(intlLocale, { timeZone: timezone, dateStyle: "medium", timeStyle: "short" }).format(new Date(iso))
  const shownLocal = (local: string) => new Intl.DateTimeFormat(intlLocale, { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" }).format(new Date(`${local}:00Z`))
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className="flex flex-col gap-2">
        <Text size="small" weight="plus">{t("cat.sched.blackouts")}</Text>
        <div className="flex flex-wrap items-end gap-2">
          <Field label={t("cat.sched.date")}><input type="date" className={controlClass} value={date} onChange={(e) => setDate(e.target.value)} data-testid="sched-blackout-date" /></Field>
          <Field label={t("cat.sched.from")}><input type="time" className={controlClass} value={from} onChange={(e) => setFrom(e.target.value)} data-testid="sched-blackout-from" /></Field>
          <Field label={t("cat.sched.to")}><input type="time" className={controlClass} value={to} onChange={(e) => setTo(e.target.value)} data-testid="sched-blackout-to" /></Field>
          <Button size="small" variant="secondary" disabled={!date || from >= to} data-testid="sched-blackout-add"
            onClick={() => setBlackouts([...blackouts, { start: zonedToUtc(date, from, timezone), end: zonedToUtc(date, to, timezone) }])}>{t("cat.sched.addRange")}</Button>
        </div>
        <ul className="txt-compact-small">
          {blackouts.map((b, i) => (
            <li key={i} data-testid="sched-blackout">{shown(b.start)} – {shown(b.end)}{" "}
              <Button size="small" variant="transparent" onClick={() => setBlackouts(blackouts.filter((_, j) => j !== i))}>{t("cat.images.remove")}</Button></li>
          ))}
        </ul>
      </div>
      <div className="flex flex-col gap-2">
        <Text size="small" weight="plus">{t("cat.sched.extra")}</Text>
        <div className="flex flex-wrap items-end gap-2">
          <Field label={t("cat.sched.date")}><input type="date" className={controlClass} value={extraDate} onChange={(e) => setExtraDate(e.target.value)} data-testid="sched-extra-date" /></Field>
          <Field label={t("cat.sched.time")}><input type="time" className={controlClass} value={extraTime} onChange={(e) => setExtraTime(e.target.value)} data-testid="sched-extra-time" /></Field>
          <Button size="small" variant="secondary" disabled={!extraDate} data-testid="sched-extra-add"
            onClick={() => { const slot = `${extraDate}T${extraTime}`; if (!extra.includes(slot)) setExtra([...extra, slot].sort()) }}>{t("cat.sched.addRange")}</Button>
        </div>
        <ul className="txt-compact-small">
          {extra.map((s) => (
            <li key={s} data-testid="sched-extra">{shownLocal(s)}{" "}
              <Button size="small" variant="transparent" onClick={() => setExtra(extra.filter((x) => x !== s))}>{t("cat.images.remove")}</Button></li>
          ))}
        </ul>
      </div>
    </div>
  )
}
