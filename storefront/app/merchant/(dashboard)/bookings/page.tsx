"use client"

import { Button, Input, StatusBadge, Text } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import Link from "next/link"
import { useEffect, useState } from "react"
import { BookingDetail } from "@/components/dashboard/bookings/BookingDetail"
import { useDashboard } from "@/components/dashboard/context"
import { stateColor } from "@/components/dashboard/orders/states"
import { Card, ErrorNotice, Loading, PageHeader } from "@/components/dashboard/parts"
import { useMerchantQuery } from "@/components/merchant/use-merchant-query"
import { formatDateTime, formatTime, zoneName, type Booking } from "@/lib/booking"
import { useDashboardI18n, type DashboardKey } from "@/lib/dashboard/i18n"
import { merchantRequest } from "@/lib/merchant-api"

const DAY = 86_400_000

/** Monday 00:00 (viewer's time) of the week containing `d`. */
function weekStart(d: Date) {
  const s = new Date(d)
  s.setHours(0, 0, 0, 0)
  s.setDate(s.getDate() - ((s.getDay() + 6) % 7))
  return s
}
function dayStart(d: Date) {
  const s = new Date(d)
  s.setHours(0, 0, 0, 0)
  return s
}
const localDayKey = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`

/**
 * Quick moves on a booking's line from the calendar. Served / no-show only once the slot has
 * started (the server's slot_started guard would refuse them before); a cancellation goes through
 * the order page, where its refund is shown before confirming.
 */
function quickMoves(b: Booking, now: number): string[] {
  if (b.status !== "BOOKED" || !b.line) return []
  if (b.line.state === "PAID") return ["CONFIRMED"]
  if (b.line.state === "CONFIRMED" && new Date(b.start_at).getTime() <= now) return ["SERVED", "NO_SHOW"]
  return []
}

function CalendarFeed() {
  const { t } = useDashboardI18n()
  const { token, merchantUser } = useDashboard()
  const qc = useQueryClient()
  const [shown, setShown] = useState(false)
  const [copied, setCopied] = useState(false)
  const feed = useMerchantQuery("calendar-feed", (tk) => merchantRequest<{ calendar_feed: { url: string } }>("/merchant/calendar-feed", { token: tk }))
  const rotate = useMutation({
    mutationFn: () => merchantRequest<{ calendar_feed: { url: string } }>("/merchant/calendar-feed", { token, body: {} }),
    onSuccess: (data) => qc.setQueryData(["merchant", token, "calendar-feed"], data),
  })
  const url = feed.data?.calendar_feed.url
  return (
    <Card title={t("bookings.feed")} testId="calendar-feed">
      <Text size="small" className="text-ui-fg-subtle mb-3">{t("bookings.feedHint")}</Text>
      <div className="flex flex-wrap items-center gap-2">
        {shown && url ? (
          <Input readOnly size="small" dir="ltr" value={url} className="min-w-[280px] flex-1" data-testid="calendar-feed-url" onFocus={(e) => e.target.select()} />
        ) : (
          <Input readOnly size="small" dir="ltr" value="•••••••••••••••••••••••••••" className="min-w-[280px] flex-1" aria-hidden />
        )}
        <Button size="small" variant="secondary" onClick={() => setShown(!shown)} data-testid="calendar-feed-reveal">{shown ? t("bookings.hide") : t("bookings.reveal")}</Button>
        <Button size="small" variant="secondary" disabled={!url}
          onClick={() => url && navigator.clipboard?.writeText(url).then(() => { setCopied(true); setTimeout(() => setCopied(false), 2000) })}
          data-testid="calendar-feed-copy">
          {copied ? t("bookings.copied") : t("bookings.copy")}
        </Button>
        {merchantUser.role !== "FULFILMENT" && merchantUser.role !== "FINANCE" && (
          <Button size="small" variant="danger" isLoading={rotate.isPending} onClick={() => rotate.mutate()} data-testid="calendar-feed-rotate">{t("bookings.rotate")}</Button>
        )}
      </div>
      {rotate.isSuccess && <Text size="small" className="text-ui-fg-subtle mt-2" role="status" data-testid="calendar-feed-rotated">{t("bookings.rotated")}</Text>}
      <ErrorNotice error={feed.error ?? rotate.error} />
    </Card>
  )
}

function BookingCard({ b, now, onMove, onOpen, open }: { b: Booking; now: number; onMove: (b: Booking, to: string) => void; onOpen: (b: Booking) => void; open: boolean }) {
  const { t, intlLocale } = useDashboardI18n()
  const state = b.status === "CANCELLED" ? "CANCELLED" : b.line?.state ?? ""
  const moves = quickMoves(b, now)
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return (
    <div className={`bg-ui-bg-base shadow-elevation-card-rest flex flex-col gap-1 rounded-md p-2${open ? " ring-ui-border-interactive ring-2" : ""}`} data-testid="merchant-booking" data-booking-id={b.id} data-state={state}>
      <Text size="small" weight="plus">
        {formatTime(b.start_at, b.timezone, intlLocale)}–{formatTime(b.end_at, b.timezone, intlLocale)} <span className="text-ui-fg-muted" data-zone={b.timezone}>{zoneName(b.timezone, intlLocale)}</span>
      </Text>
      {viewerZone !== b.timezone && (
        <Text size="xsmall" className="text-ui-fg-muted">{t("bookings.yourTime", { time: formatTime(b.start_at, viewerZone, intlLocale) })}</Text>
      )}
      <Text size="small" dir="auto">{b.title}</Text>
      <div className="flex flex-wrap items-center gap-1">
        {state && <StatusBadge color={stateColor(state)}>{t(`orders.st.${state}` as DashboardKey)}</StatusBadge>}
        <Link href={`/merchant/orders/${b.order_id}`} className="txt-compact-xsmall text-ui-fg-interactive">{t("bookings.order", { id: b.order_display_id ?? "?" })}</Link>
      </div>
      {b.line?.state === "CONFIRMED" && b.status === "BOOKED" && new Date(b.start_at).getTime() > now && (
        <Text size="xsmall" className="text-ui-fg-muted" data-testid="booking-not-started">{t("bookings.notStarted")}</Text>
      )}
      <div className="flex flex-wrap gap-1">
        {moves.map((to) => (
          <Button key={to} size="small" variant="secondary" data-testid={`booking-move-${to}`} onClick={() => onMove(b, to)}>
            {t(`orders.move.${to}` as DashboardKey)}
          </Button>
        ))}
        <Button size="small" variant="transparent" data-testid="booking-open" aria-expanded={open} onClick={() => onOpen(b)}>
          {b.reschedule.allowed ? t("bookings.openMove") : t("bookings.open")}
        </Button>
      </div>
    </div>
  )
}

/** Bookings: a week or a day of appointments in the viewer's calendar, moves, the calendar feed. */
export default function BookingsPage() {
  const { t, intlLocale } = useDashboardI18n()
  const { token } = useDashboard()
  const qc = useQueryClient()
  const [view, setView] = useState<"week" | "day">("week")
  const [anchor, setAnchor] = useState(() => new Date())
  const [now, setNow] = useState(() => Date.now())
  // The booking whose detail (and slot picker) is open, and the one just moved (a new id).
  const [openId, setOpenId] = useState<string | null>(null)
  const [movedTo, setMovedTo] = useState<Booking | null>(null)
  useEffect(() => {
    if (new URLSearchParams(window.location.search).get("view") === "day") setView("day")
    const h = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(h)
  }, [])
  const start = view === "week" ? weekStart(anchor) : dayStart(anchor)
  const days = view === "week" ? 7 : 1
  const end = new Date(start)
  end.setDate(end.getDate() + days)
  const key = `bookings:${start.toISOString()}:${days}`
  const bookings = useMerchantQuery(key, (tk) =>
    merchantRequest<{ bookings: Booking[] }>("/merchant/bookings", { token: tk, query: { from: start.toISOString(), to: end.toISOString() } }))
  const move = useMutation({
    mutationFn: ({ b, to }: { b: Booking; to: string }) => merchantRequest(`/merchant/orders/${b.order_id}/lines/${b.line!.id}/transitions`, { token, body: { to } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["merchant", token, key] }),
  })
  const shift = (n: number) => {
    const d = new Date(anchor)
    d.setDate(d.getDate() + n * days)
    setAnchor(d)
  }
  const dayLabel = new Intl.DateTimeFormat(intlLocale, { weekday: "short", day: "numeric", month: "short" })
  const opened = bookings.data?.bookings.find((b) => b.id === openId) ?? null
  const columns = Array.from({ length: days }, (_, i) => new Date(start.getTime() + i * DAY))
  return (
    <div className="flex flex-col gap-4" data-testid="dash-bookings">
      <PageHeader title={t("bookings.heading")} />
      <div className="flex flex-wrap items-center gap-2" data-testid="merchant-bookings">
        <div className="flex gap-1" role="tablist">
          {(["week", "day"] as const).map((v) => (
            <Button key={v} size="small" variant={view === v ? "primary" : "secondary"} role="tab" aria-selected={view === v} onClick={() => setView(v)} data-testid={`bookings-view-${v}`}>
              {t(`bookings.${v}`)}
            </Button>
          ))}
        </div>
        <Button size="small" variant="secondary" onClick={() => shift(-1)} aria-label={t("bookings.prev")} data-testid="week-prev"><span aria-hidden className="rtl:rotate-180">←</span></Button>
        <Button size="small" variant="secondary" onClick={() => setAnchor(new Date())}>{t("bookings.today")}</Button>
        <Button size="small" variant="secondary" onClick={() => shift(1)} aria-label={t("bookings.next")} data-testid="week-next"><span aria-hidden className="rtl:rotate-180">→</span></Button>
        <Text size="small" className="text-ui-fg-subtle" data-testid="week-label">
          {dayLabel.format(start)}{days > 1 ? ` – ${dayLabel.format(new Date(end.getTime() - 1))}` : ""}
        </Text>
      </div>
      <ErrorNotice error={move.error} />
      {bookings.error ? <ErrorNotice error={bookings.error} /> : !bookings.data ? <Loading /> : (
        <div className={`grid gap-2 ${days === 7 ? "grid-cols-1 md:grid-cols-7" : "grid-cols-1"}`}>
          {columns.map((d) => {
            const k = localDayKey(d)
            const items = bookings.data.bookings.filter((b) => localDayKey(new Date(b.start_at)) === k)
            return (
              <div key={k} className="bg-ui-bg-component flex min-h-[120px] flex-col gap-2 rounded-lg p-2" data-testid="week-day" data-day={k}>
                <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">{dayLabel.format(d)}</Text>
                {items.length === 0 && days === 1 && <Text size="small" className="text-ui-fg-muted">{t("bookings.none")}</Text>}
                {items.map((b) => (
                  <BookingCard key={b.id} b={b} now={now} open={openId === b.id} onMove={(bk, to) => move.mutate({ b: bk, to })}
                    onOpen={(bk) => { setMovedTo(null); setOpenId(openId === bk.id ? null : bk.id) }} />
                ))}
              </div>
            )
          })}
        </div>
      )}
      {movedTo && (
        <Text size="small" role="status" className="text-ui-fg-subtle" data-testid="booking-moved" data-start={movedTo.start_at}>
          {t("bookings.moved", { time: formatDateTime(movedTo.start_at, movedTo.timezone, intlLocale) })}
        </Text>
      )}
      {opened && (
        <BookingDetail key={opened.id} b={opened} onClose={() => setOpenId(null)}
          onMoved={(m) => { setOpenId(null); setMovedTo(m); void qc.invalidateQueries({ queryKey: ["merchant", token] }) }} />
      )}
      <CalendarFeed />
    </div>
  )
}
