"use client"

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import Link from "next/link"
import { KindBadge } from "@/components/KindBadge"
import { BookingCard, type Pending } from "@/components/booking/BookingCard"
import { formatDateTime, localZone, orderLineBookingApi, zoneName } from "@/lib/booking"
import { ErrorMessage, Loading } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"
import { formatMinor, formatMoney, toMinorUnits } from "@/lib/money"
import { listOrderLines, orderLinesKey, transitionOrderLine, type OrderLine } from "@/lib/orders"
import { actionLabel, actorLabel, stateLabel } from "./labels"
import { LineDispute } from "./LineDispute"

/** How often the order page asks for line changes made by merchants or the system. */
export const ORDER_REFRESH_MS = 3000

/**
 * The order's lines with their state, tracking, booked time, history and the buyer's moves. With
 * `linkToken` (a guest on the order's signed link) the same moves through the link: cancel or return
 * a line, cancel or move a booking (fee shown first, here rather than in My bookings) and report a
 * problem. A link to an order that sits in an account comes without moves (the server decides).
 */
export function OrderLines({ orderId, currencyCode, linkToken }: { orderId: string; currencyCode: string; linkToken?: string | null }) {
  const guest = !!linkToken
  const { t, intlLocale, dir, locale } = useI18n()
  const arrow = dir === "rtl" ? " ← " : " → "
  const qc = useQueryClient()
  const lines = useQuery({
    queryKey: orderLinesKey(orderId, locale, guest),
    queryFn: () => listOrderLines(orderId, locale, linkToken),
    refetchInterval: ORDER_REFRESH_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
  })
  const [actionError, setActionError] = useState<unknown>(null)
  const move = useMutation({
    mutationFn: ({ line, to }: { line: OrderLine; to: string }) =>
      transitionOrderLine(orderId, line.id, to, t("order.actionReason"), linkToken),
    onMutate: () => setActionError(null),
    onError: (e) => setActionError(e),
    onSettled: () => qc.invalidateQueries({ queryKey: ["orders", orderId] }),
  })

  if (lines.error && !lines.data) return <ErrorMessage error={lines.error} />
  if (!lines.data) return <Loading />

  const dateTime = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeStyle: "short" })
  return (
    <section data-testid="order-lines">
      <h2>{t("order.lines")}</h2>
      <p className="muted">{t("order.autoRefresh")}</p>
      {actionError ? <ErrorMessage error={actionError} /> : null}
      <ul className="order-lines">
        {lines.data.map((line) => (
          <li
            key={line.id}
            className="order-line"
            data-testid="order-line"
            data-line-id={line.id}
            data-kind={line.kind}
            data-state={line.state}
          >
            <div className="order-line-head">
              <KindBadge kind={line.kind} />
              <strong dir="auto" data-testid="order-line-title">{line.title}</strong>
              {line.subtitle && <span className="muted" dir="auto"> · {line.subtitle}</span>}
              <span className={`state-badge state-${line.state.toLowerCase()}`} data-testid="order-line-state" data-state={line.state}>
                {stateLabel(t, line.state)}
              </span>
            </div>
            <div className="muted">
              {line.quantity != null && t("order.quantity", { count: line.quantity })}
              {line.unit_price != null && <> · {formatMoney(line.unit_price, currencyCode, intlLocale)}</>}
            </div>
            {line.allowed_transitions.some((tr) => tr.name === "request_return") && (
              // A return gives back everything captured for the line (docs/order-truth.md:
              // RETURN_REQUESTED → RETURNED refunds the line's capture; delivery is not part of it).
              <p className="muted" data-testid="order-line-return-refund" data-minor={returnRefund(line, currencyCode)}>
                {t("order.returnRefund", { amount: formatMinor(returnRefund(line, currencyCode), currencyCode, intlLocale) })}
              </p>
            )}
            {(line.carrier || line.tracking_number) && (
              <p className="tracking" data-testid="order-line-tracking">
                {t("order.tracking")}: <span data-testid="order-line-carrier">{line.carrier}</span>{" "}
                <code dir="ltr" data-testid="order-line-tracking-number">{line.tracking_number}</code>
              </p>
            )}
            {line.booking && (
              <p className="booking-slot" data-testid="order-line-booking" data-start={line.booking.start_at}>
                {formatDateTime(line.booking.start_at, line.booking.timezone, intlLocale)} <span className="muted" data-zone={line.booking.timezone}>(<bdi>{zoneName(line.booking.timezone, intlLocale, new Date(line.booking.start_at))}</bdi>)</span>
                {localZone() !== line.booking.timezone && <span className="muted"> · {formatDateTime(line.booking.start_at, localZone(), intlLocale)}</span>}
                {line.booking.status === "BOOKED" && !guest && <> · <Link href="/account/bookings" data-testid="order-line-manage-booking">{t("booking.manage")}</Link></>}
              </p>
            )}
            {guest && line.booking?.status === "BOOKED" && line.allowed_transitions.length > 0 && linkToken && (
              <GuestBooking orderId={orderId} line={line} linkToken={linkToken} />
            )}
            {/* A booked slot is cancelled from My bookings, where the fee is shown first. */}
            {line.allowed_transitions.filter((tr) => !(line.booking?.status === "BOOKED" && tr.to === "CANCELLED")).length > 0 && (
              <div className="order-line-actions">
                {line.allowed_transitions.filter((tr) => !(line.booking?.status === "BOOKED" && tr.to === "CANCELLED")).map((tr) => (
                  <button
                    key={tr.name}
                    type="button"
                    className="button"
                    data-testid={`order-line-action-${tr.name}`}
                    disabled={move.isPending}
                    onClick={() => {
                      if (window.confirm(t("order.actionConfirm"))) move.mutate({ line, to: tr.to })
                    }}
                  >
                    {actionLabel(t, tr)}
                  </button>
                ))}
              </div>
            )}
            <LineDispute orderId={orderId} line={line} linkToken={linkToken} />
            <details className="history" open>
              <summary>{t("order.history")}</summary>
              <ol className="timeline" data-testid="order-line-history">
                {line.history.map((h, i) => (
                  <li key={`${h.at}-${i}`} data-to={h.to}>
                    <time dateTime={h.at} className="muted">{dateTime.format(new Date(h.at))}</time>{" "}
                    <span>
                      {h.from ? `${stateLabel(t, h.from)}${arrow}` : ""}
                      <strong>{stateLabel(t, h.to)}</strong>
                    </span>{" "}
                    <span className="muted">({actorLabel(t, h.actor_type)})</span>
                  </li>
                ))}
              </ol>
            </details>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** A guest's booking on this line, managed through the order's signed link (docs/storefront.md). */
function GuestBooking({ orderId, line, linkToken }: { orderId: string; line: OrderLine; linkToken: string }) {
  const { t } = useI18n()
  const qc = useQueryClient()
  const [open, setOpen] = useState(false)
  const [pending, setPending] = useState<Pending>(null)
  const api = orderLineBookingApi(orderId, line.id, linkToken)
  const booking = useQuery({ queryKey: ["orders", orderId, "booking", line.id, line.booking?.id], enabled: open, queryFn: api.get })
  if (!open) {
    return (
      <div className="order-line-actions">
        <button type="button" className="button" onClick={() => setOpen(true)} data-testid="order-line-manage-booking">{t("booking.manage")}</button>
      </div>
    )
  }
  if (booking.error) return <ErrorMessage error={booking.error} />
  if (!booking.data) return <Loading />
  return (
    <ul className="booking-list" data-testid="guest-booking">
      <BookingCard b={booking.data} pending={pending} setPending={setPending} moves={api.moves} showOrderLink={false}
        onChanged={() => qc.invalidateQueries({ queryKey: ["orders", orderId] })} />
    </ul>
  )
}

/** What a return of the line refunds: what was captured for it and not refunded yet (minor units). */
function returnRefund(line: OrderLine, currency: string): number {
  return toMinorUnits(line.captured_amount, currency) - toMinorUnits(line.refunded_amount, currency)
}
