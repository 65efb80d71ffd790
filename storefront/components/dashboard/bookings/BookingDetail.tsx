"use client"

import { Button, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import Link from "next/link"
import { useEffect, useRef, useState } from "react"
import { useDashboard } from "@/components/dashboard/context"
import { stateColor } from "@/components/dashboard/orders/states"
import { Card, ErrorNotice, Loading } from "@/components/dashboard/parts"
import { useMerchantQuery } from "@/components/merchant/use-merchant-query"
import { formatDateTime, formatTime, groupByDay, zoneName, type Booking, type Slot } from "@/lib/booking"
import { bookingsApi } from "@/lib/dashboard/api"
import { useDashboardI18n, type DashboardKey } from "@/lib/dashboard/i18n"

const DAY = 86_400_000

/** Free slots this booking could move to, day by day in the schedule's zone (the viewer's time beside). */
function MoveSlotPicker({ b, value, onChange }: { b: Booking; value: string | null; onChange: (s: string | null) => void }) {
  const { t, intlLocale } = useDashboardI18n()
  const [days, setDays] = useState(14)
  const slots = useMerchantQuery(`booking-slots:${b.id}:${days}`, (tk) => {
    const from = new Date()
    return bookingsApi.slots(tk, b.id, from, new Date(from.getTime() + days * DAY))
  })
  if (slots.error) return <ErrorNotice error={slots.error} />
  if (!slots.data) return <Loading />
  const tz = slots.data.timezone
  const mine = Intl.DateTimeFormat().resolvedOptions().timeZone
  const groups = groupByDay(slots.data.slots as Slot[], tz, intlLocale)
  return (
    <fieldset className="flex flex-col gap-2" data-testid="booking-move-picker">
      <legend className="txt-compact-small-plus mb-1">{t("bookings.pickSlot")}</legend>
      <Text size="xsmall" className="text-ui-fg-muted" data-zone={tz}>
        <bdi>{t("bookings.timesIn", { zone: zoneName(tz, intlLocale) })}</bdi>
        {mine !== tz && <> · <bdi>{t("bookings.yourZone", { zone: zoneName(mine, intlLocale) })}</bdi></>}
      </Text>
      {groups.length === 0 && <Text size="small" className="text-ui-fg-muted" data-testid="booking-move-none">{t("bookings.noSlots")}</Text>}
      {groups.map((g) => (
        <div key={g.key} className="flex flex-wrap items-center gap-1">
          <Text size="xsmall" weight="plus" className="text-ui-fg-subtle w-28 shrink-0">{g.label}</Text>
          {g.slots.map((s) => (
            <Button key={s.start_at} size="small" variant={value === s.start_at ? "primary" : "secondary"} aria-pressed={value === s.start_at}
              data-testid="booking-move-slot" data-start={s.start_at} onClick={() => onChange(value === s.start_at ? null : s.start_at)}>
              {formatTime(s.start_at, tz, intlLocale)}
              {mine !== tz && <span className="text-ui-fg-muted"> ({formatTime(s.start_at, mine, intlLocale)})</span>}
            </Button>
          ))}
        </div>
      ))}
      {days < 56 && (
        <div><Button size="small" variant="transparent" onClick={() => setDays(days + 14)} data-testid="booking-move-more">{t("bookings.moreSlots")}</Button></div>
      )}
    </fieldset>
  )
}

/**
 * A booking's detail beside the calendar: its slot, line state, order, the buyer's policy in words,
 * and — when the policy still allows a move and the role may make it — a slot picker to reschedule.
 */
export function BookingDetail({ b, onClose, onMoved }: { b: Booking; onClose: () => void; onMoved: (moved: Booking) => void }) {
  const { t, intlLocale, errorWords } = useDashboardI18n()
  const { token, merchantUser } = useDashboard()
  const [slot, setSlot] = useState<string | null>(null)
  // Opened from a card in the calendar above: bring the detail into view.
  const box = useRef<HTMLDivElement>(null)
  // (A block body: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup.)
  useEffect(() => {
    void box.current?.scrollIntoView({ block: "nearest", behavior: "smooth" })
  }, [])
  const move = useMutation({
    mutationFn: (slotStart: string) => bookingsApi.reschedule(token, b.id, slotStart),
    onSuccess: (data) => { setSlot(null); onMoved(data.booking) },
  })
  const state = b.status === "CANCELLED" ? "CANCELLED" : b.line?.state ?? ""
  const mayMove = merchantUser.role !== "FINANCE"
  return (
    <div ref={box}>
      <Card title={t("bookings.detailTitle")} testId="booking-detail" actions={<Button size="small" variant="secondary" onClick={onClose} data-testid="booking-detail-close">{t("bookings.close")}</Button>}>
        <div className="flex flex-col gap-3" data-booking-id={b.id}>
          <div className="flex flex-wrap items-center gap-2">
            <Heading level="h3" dir="auto">{b.title}</Heading>
            {state && <StatusBadge color={stateColor(state)}>{t(`orders.st.${state}` as DashboardKey)}</StatusBadge>}
            <Link href={`/merchant/orders/${b.order_id}`} className="txt-compact-small text-ui-fg-interactive">{t("bookings.order", { id: b.order_display_id ?? "?" })}</Link>
          </div>
          <Text size="small" data-testid="booking-detail-time" data-start={b.start_at}>
            {formatDateTime(b.start_at, b.timezone, intlLocale)} <span className="text-ui-fg-muted">· {zoneName(b.timezone, intlLocale)}</span>
          </Text>
          {b.policy && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="booking-detail-policy">
              {t("bookings.movePolicy", { hours: b.policy.reschedule_until_hours, max: b.policy.max_reschedules, done: b.reschedule_count })}
            </Text>
          )}
          {b.reschedule.allowed ? (
            mayMove ? (
              <>
                <MoveSlotPicker b={b} value={slot} onChange={setSlot} />
                <div className="flex flex-wrap items-center gap-2">
                  <Button size="small" disabled={!slot} isLoading={move.isPending} onClick={() => slot && move.mutate(slot)} data-testid="booking-move-confirm">
                    {slot ? t("bookings.confirmMove", { time: formatDateTime(slot, b.timezone, intlLocale) }) : t("bookings.pickFirst")}
                  </Button>
                  <Text size="xsmall" className="text-ui-fg-muted">{t("bookings.moveHint")}</Text>
                </div>
              </>
            ) : null
          ) : b.reschedule.code !== "BOOKING_NOT_ACTIVE" ? (
            <Text size="small" className="text-ui-fg-muted" data-testid="booking-move-closed" data-code={b.reschedule.code}>{errorWords(b.reschedule.code) ?? t("bookings.moveClosed")}</Text>
          ) : null}
          <ErrorNotice error={move.error} />
        </div>
      </Card>
    </div>
  )
}
