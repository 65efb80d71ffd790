"use client"

import { useMutation, useQueryClient } from "@tanstack/react-query"
import Link from "next/link"
import { SlotPicker } from "@/components/booking/SlotPicker"
import { ErrorMessage } from "@/components/Status"
import { formatDateTime, localZone, zoneName, type Booking, type BookingMoves } from "@/lib/booking"
import { isMessageKey } from "@/lib/i18n"
import { useI18n } from "@/lib/i18n-context"
import { formatMoney } from "@/lib/money"

export type Pending = { kind: "cancel"; id: string } | { kind: "reschedule"; id: string; slot: string | null } | null

/**
 * One booking with its time in the schedule's zone and the buyer's, and the buyer's moves: cancel (the
 * fee and refund shown first) and reschedule (a slot picker). `moves` acts by booking id (My bookings)
 * or through its order line (a guest on the order's signed link); `onChanged` refreshes the caller.
 */
export function BookingCard({ b, pending, setPending, moves, onChanged, showOrderLink = true }: {
  b: Booking; pending: Pending; setPending: (p: Pending) => void; moves: BookingMoves; onChanged?: () => void; showOrderLink?: boolean
}) {
  const { t, intlLocale } = useI18n()
  const qc = useQueryClient()
  const mine = localZone()
  const refresh = () => {
    setPending(null)
    qc.invalidateQueries({ queryKey: ["bookings"] })
    qc.invalidateQueries({ queryKey: ["slots", b.product_id] })
    onChanged?.()
  }
  const cancel = useMutation({ mutationFn: () => moves.cancel(), onSuccess: refresh })
  const reschedule = useMutation({ mutationFn: (slot: string) => moves.reschedule(slot), onSuccess: refresh })
  const money = (amount: string) => (b.currency_code ? formatMoney(Number(amount), b.currency_code, intlLocale) : amount)
  const stateKey = `state.${b.status === "CANCELLED" ? "CANCELLED" : b.line?.state ?? ""}`
  const isCancelling = pending?.kind === "cancel" && pending.id === b.id
  const isMoving = pending?.kind === "reschedule" && pending.id === b.id

  async function downloadIcs() {
    if (!moves.ics) return
    const text = await moves.ics()
    const url = URL.createObjectURL(new Blob([text], { type: "text/calendar" }))
    const a = document.createElement("a")
    a.href = url
    a.download = `booking-${b.id}.ics`
    a.click()
    URL.revokeObjectURL(url)
  }

  return (
    <li className="booking card" data-testid="booking" data-booking-id={b.id} data-status={b.status} data-state={b.line?.state ?? ""}>
      <div className="booking-head">
        <strong dir="auto">{b.title ?? t("booking.untitled")}</strong>
        <span className="badge" data-testid="booking-state">{isMessageKey(stateKey) ? t(stateKey) : b.line?.state}</span>
      </div>
      <p data-testid="booking-time" data-start={b.start_at}>
        {formatDateTime(b.start_at, b.timezone, intlLocale)} <span className="muted" data-zone={b.timezone}>(<bdi>{zoneName(b.timezone, intlLocale, new Date(b.start_at))}</bdi>)</span>
        {mine !== b.timezone && <span className="muted"> · {t("booking.yourTime", { zone: zoneName(mine, intlLocale) })}: {formatDateTime(b.start_at, mine, intlLocale)}</span>}
      </p>
      {showOrderLink && b.order_id && <p className="muted"><Link href={`/orders/${b.order_id}`}>{t("booking.order", { id: String(b.order_display_id ?? b.order_id) })}</Link></p>}
      {b.status === "BOOKED" && (
        <div className="booking-actions">
          {moves.ics && <button type="button" className="button" onClick={downloadIcs} data-testid="booking-ics">{t("booking.addToCalendar")}</button>}
          {b.reschedule.allowed && (
            <button type="button" className="button" data-testid="booking-reschedule" onClick={() => setPending(isMoving ? null : { kind: "reschedule", id: b.id, slot: null })}>
              {t("booking.reschedule")}
            </button>
          )}
          {b.cancel.allowed && (
            <button type="button" className="button danger" data-testid="booking-cancel" onClick={() => setPending(isCancelling ? null : { kind: "cancel", id: b.id })}>
              {t("booking.cancel")}
            </button>
          )}
          {!b.reschedule.allowed && b.reschedule.code !== "BOOKING_NOT_ACTIVE" && (
            <p className="muted" data-testid="booking-reschedule-closed">{t(b.reschedule.code === "RESCHEDULE_LIMIT_REACHED" ? "booking.rescheduleLimit" : "booking.rescheduleClosed")}</p>
          )}
        </div>
      )}
      {isCancelling && b.cancel.allowed && (
        <div className="confirm-box" role="alertdialog" data-testid="cancel-confirm">
          <p data-testid="cancel-terms">
            {b.cancel.free
              ? t("booking.cancelFree", { refund: money(b.cancel.refund_amount) })
              : t("booking.cancelFee", { fee: money(b.cancel.fee_amount), refund: money(b.cancel.refund_amount) })}
          </p>
          <button type="button" className="button danger" disabled={cancel.isPending} onClick={() => cancel.mutate()} data-testid="cancel-confirm-button">
            {t("booking.confirmCancel")}
          </button>
          <button type="button" className="button" onClick={() => setPending(null)}>{t("booking.keep")}</button>
          {cancel.error && <ErrorMessage error={cancel.error} />}
        </div>
      )}
      {isMoving && pending?.kind === "reschedule" && (
        <div className="confirm-box" data-testid="reschedule-box">
          {b.reschedule.allowed && <p className="muted">{t("booking.rescheduleLeft", { count: b.reschedule.remaining })}</p>}
          <SlotPicker productId={b.product_id} variantId={b.variant_id ?? undefined} value={pending.slot} exclude={b.start_at} testId="reschedule-picker"
            onChange={(slot) => setPending({ kind: "reschedule", id: b.id, slot })} />
          <button type="button" className="button primary" disabled={!pending.slot || reschedule.isPending}
            onClick={() => pending.slot && reschedule.mutate(pending.slot)} data-testid="reschedule-confirm-button">
            {t("booking.confirmReschedule")}
          </button>
          {reschedule.error && <ErrorMessage error={reschedule.error} />}
        </div>
      )}
    </li>
  )
}

