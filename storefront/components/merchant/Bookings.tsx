"use client"

import { useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Loading } from "@/components/Status"
import { formatTime, type Booking } from "@/lib/booking"
import { isMessageKey } from "@/lib/i18n"
import { useI18n } from "@/lib/i18n-context"
import { merchantRequest } from "@/lib/merchant-api"
import { useMerchantSession } from "@/lib/merchant-session"
import { ApiErrorBox } from "./ui"
import { useMerchantQuery } from "./use-merchant-query"

const DAY = 86_400_000

/** Monday 00:00 UTC of the week containing `d`. */
function weekStart(d: Date) {
  const back = (d.getUTCDay() + 6) % 7
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - back))
}

// Next moves merchant staff make on a booking's order line (the process refuses the others).
const MOVES: Record<string, string[]> = { PAID: ["CONFIRMED", "CANCELLED"], CONFIRMED: ["SERVED", "NO_SHOW", "CANCELLED"] }

/** The merchant's bookings, a week at a time, with confirm / served / no-show and the calendar feed. */
export function BookingsSection() {
  const { t, intlLocale } = useI18n()
  const { token } = useMerchantSession()
  const qc = useQueryClient()
  const [start, setStart] = useState(() => weekStart(new Date()))
  const [error, setError] = useState<unknown>(null)
  const end = new Date(start.getTime() + 7 * DAY)
  const key = `bookings:${start.toISOString()}`
  const bookings = useMerchantQuery(key, (tk) =>
    merchantRequest<{ bookings: Booking[] }>("/merchant/bookings", { token: tk, query: { from: start.toISOString(), to: end.toISOString() } }))
  const feed = useMerchantQuery("calendar-feed", (tk) => merchantRequest<{ calendar_feed: { url: string } }>("/merchant/calendar-feed", { token: tk }))

  async function move(b: Booking, to: string) {
    setError(null)
    try {
      await merchantRequest(`/merchant/orders/${b.order_id}/lines/${b.line!.id}/transitions`, { token, body: { to } })
      qc.invalidateQueries({ queryKey: ["merchant", token, key] })
    } catch (e) {
      setError(e)
    }
  }

  const days = Array.from({ length: 7 }, (_, i) => new Date(start.getTime() + i * DAY))
  const dayLabel = new Intl.DateTimeFormat(intlLocale, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" })
  return (
    <section className="portal-section" data-testid="merchant-bookings">
      <h2>{t("booking.calendar")}</h2>
      <div className="week-nav">
        <button type="button" className="button" onClick={() => setStart(new Date(start.getTime() - 7 * DAY))}>←</button>
        <span data-testid="week-label">{dayLabel.format(start)} – {dayLabel.format(new Date(end.getTime() - 1))}</span>
        <button type="button" className="button" onClick={() => setStart(new Date(start.getTime() + 7 * DAY))} data-testid="week-next">→</button>
      </div>
      {feed.data && (
        <p className="muted">{t("booking.feed")}: <code dir="ltr" data-testid="calendar-feed-url">{feed.data.calendar_feed.url}</code></p>
      )}
      {error ? <ApiErrorBox error={error} /> : null}
      {bookings.error ? (
        <ApiErrorBox error={bookings.error} />
      ) : !bookings.data ? (
        <Loading />
      ) : (
        <div className="week-grid">
          {days.map((d) => {
            const dayKey = d.toISOString().slice(0, 10)
            const items = bookings.data.bookings.filter((b) => b.start_at.slice(0, 10) === dayKey)
            return (
              <div key={dayKey} className="week-day" data-testid="week-day" data-day={dayKey}>
                <strong>{dayLabel.format(d)}</strong>
                {items.map((b) => {
                  const state = b.status === "CANCELLED" ? "CANCELLED" : b.line?.state ?? ""
                  return (
                    <div key={b.id} className="week-booking card" data-testid="merchant-booking" data-booking-id={b.id} data-state={state}>
                      <span>{formatTime(b.start_at, b.timezone, intlLocale)}–{formatTime(b.end_at, b.timezone, intlLocale)}</span>
                      <span className="muted"> {b.timezone}</span>
                      <div dir="auto">{b.title}</div>
                      <div className="muted">#{b.order_display_id} · {isMessageKey(`state.${state}`) ? t(`state.${state}` as any) : state}</div>
                      {b.status === "BOOKED" && b.line && (MOVES[b.line.state] ?? []).map((to) => (
                        <button key={to} type="button" className="button small" data-testid={`booking-move-${to}`} onClick={() => move(b, to)}>
                          {isMessageKey(`booking.move.${to}`) ? t(`booking.move.${to}` as any) : to}
                        </button>
                      ))}
                    </div>
                  )
                })}
              </div>
            )
          })}
        </div>
      )}
    </section>
  )
}
