"use client"

import { useQuery } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { ErrorMessage, Loading } from "@/components/Status"
import { fetchSlots, formatTime, groupByDay, localZone, zoneName, type SlotsResponse } from "@/lib/booking"
import { useI18n } from "@/lib/i18n-context"

/**
 * The bookable slots of a service, day by day in the schedule's time zone, with the buyer's own
 * local time beside each when the zones differ. `onChange(null)` when nothing is chosen.
 */
export function SlotPicker({ productId, variantId, value, onChange, onInfo, testId = "slot-picker", exclude }: {
  productId: string
  variantId?: string
  value: string | null
  onChange: (startAt: string | null) => void
  onInfo?: (info: SlotsResponse | undefined) => void
  testId?: string
  exclude?: string
}) {
  const { t, intlLocale } = useI18n()
  const [days, setDays] = useState(14)
  const query = useQuery({
    queryKey: ["slots", productId, variantId ?? "", days],
    queryFn: () => fetchSlots(productId, { variantId, days }),
  })
  useEffect(() => onInfo?.(query.data), [query.data, onInfo])
  if (query.error) return <ErrorMessage error={query.error} />
  if (!query.data) return <Loading />
  const data = query.data
  if (!data.bookable || !data.timezone) return null
  const tz = data.timezone
  const mine = localZone()
  const slots = data.slots.filter((s) => s.start_at !== exclude)
  const groups = groupByDay(slots, tz, intlLocale)

  return (
    <fieldset className="slot-picker" data-testid={testId}>
      <legend>{t("booking.pickSlot")}</legend>
      {/* Zones in words (Intl), never the IANA id; the ids stay as data for tests and tools. */}
      <p className="muted" data-testid="slot-timezone" data-zone={tz} data-local-zone={mine}>
        <bdi>{t("booking.timesIn", { zone: zoneName(tz, intlLocale) })}</bdi>
        {mine !== tz ? <> · <bdi>{t("booking.yourTime", { zone: zoneName(mine, intlLocale) })}</bdi></> : null}
      </p>
      {groups.length === 0 && <p className="muted" data-testid="no-slots">{t("booking.noSlots")}</p>}
      {groups.map((g) => (
        <div key={g.key} className="slot-day">
          <strong>{g.label}</strong>
          <div className="slot-list">
            {g.slots.map((s) => (
              <button
                key={s.start_at}
                type="button"
                className={`button slot${value === s.start_at ? " primary" : ""}`}
                aria-pressed={value === s.start_at}
                data-testid="slot"
                data-start={s.start_at}
                onClick={() => onChange(value === s.start_at ? null : s.start_at)}
              >
                {formatTime(s.start_at, tz, intlLocale)}
                {mine !== tz && <small className="muted"> ({formatTime(s.start_at, mine, intlLocale)})</small>}
                {s.capacity > 1 && <small className="muted"> · {t("booking.seatsLeft", { count: s.remaining })}</small>}
              </button>
            ))}
          </div>
        </div>
      ))}
      {days < 56 && (
        <button type="button" className="button link" onClick={() => setDays(days + 14)} data-testid="more-slots">{t("booking.moreSlots")}</button>
      )}
    </fieldset>
  )
}
