import { requireSdk } from "./sdk"

// Service booking API (docs/booking.md) and the time formatting the slot picker and account use.

export type Slot = { start_at: string; end_at: string; timezone: string; capacity: number; remaining: number }
export type SlotsResponse = {
  product_id: string
  variant_id: string | null
  bookable: boolean
  timezone: string | null
  slot_minutes?: number
  policy?: { free_cancel_hours: number; cancel_fee_bps: number; reschedule_until_hours: number; max_reschedules: number }
  slots: Slot[]
}
export type Booking = {
  id: string
  status: string
  start_at: string
  end_at: string
  timezone: string
  product_id: string
  variant_id: string | null
  order_id: string
  order_display_id: number | null
  title: string | null
  line: { id: string; state: string } | null
  reschedule_count: number
  currency_code: string | null
  paid_amount: string | null
  policy: { free_cancel_hours: number; cancel_fee_bps: number; reschedule_until_hours: number; max_reschedules: number } | null
  cancel: { allowed: true; free: boolean; fee_amount: string; refund_amount: string } | { allowed: false; code: string }
  reschedule: { allowed: true; remaining: number } | { allowed: false; code: string }
}

const DAY = 86_400_000

export async function fetchSlots(productId: string, opts: { variantId?: string; from?: Date; days?: number } = {}) {
  const from = opts.from ?? new Date()
  const to = new Date(from.getTime() + (opts.days ?? 14) * DAY)
  return requireSdk().client.fetch<SlotsResponse>(`/store/products/${productId}/slots`, {
    query: { from: from.toISOString(), to: to.toISOString(), ...(opts.variantId ? { variant_id: opts.variantId } : {}) },
  })
}

export const bookingApi = {
  list: async () => (await requireSdk().client.fetch<{ bookings: Booking[] }>("/store/bookings")).bookings,
  cancel: async (id: string) => (await requireSdk().client.fetch<{ booking: Booking }>(`/store/bookings/${id}/cancel`, { method: "POST", body: {} })).booking,
  reschedule: async (id: string, slotStart: string) =>
    (await requireSdk().client.fetch<{ booking: Booking }>(`/store/bookings/${id}/reschedule`, { method: "POST", body: { slot_start: slotStart } })).booking,
  /** The .ics file as text (the SDK returns the raw response when JSON is not asked for). */
  ics: async (id: string) => {
    const res = (await requireSdk().client.fetch<Response>(`/store/bookings/${id}/ics`, { headers: { accept: "text/calendar" } })) as unknown as Response
    return res.text()
  },
}

/** What a booking card can do: My bookings (by booking id) or one order's line (a guest's signed link). */
export type BookingMoves = {
  cancel: () => Promise<Booking>
  reschedule: (slotStart: string) => Promise<Booking>
  /** The .ics file as text; a guest has it in the confirmation e-mail. */
  ics?: () => Promise<string>
}

export const bookingMoves = (id: string): BookingMoves => ({
  cancel: () => bookingApi.cancel(id),
  reschedule: (slot) => bookingApi.reschedule(id, slot),
  ics: () => bookingApi.ics(id),
})

/**
 * The booking of one order line, for its buyer signed in or a guest holding the order's signed link
 * (`linkToken`): the same policy, fee and refund as My bookings (docs/storefront.md, Guest orders).
 */
export function orderLineBookingApi(orderId: string, lineId: string, linkToken?: string | null) {
  const base = `/store/orders/${encodeURIComponent(orderId)}/lines/${encodeURIComponent(lineId)}/booking`
  const q = linkToken ? `?token=${encodeURIComponent(linkToken)}` : ""
  const moves: BookingMoves = {
    cancel: async () => (await requireSdk().client.fetch<{ booking: Booking }>(`${base}/cancel${q}`, { method: "POST", body: {} })).booking,
    reschedule: async (slotStart) =>
      (await requireSdk().client.fetch<{ booking: Booking }>(`${base}/reschedule${q}`, { method: "POST", body: { slot_start: slotStart } })).booking,
  }
  return { get: async () => (await requireSdk().client.fetch<{ booking: Booking }>(`${base}${q}`)).booking, moves }
}

/** The buyer's own time zone (browser). */
export const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

export function formatTime(iso: string, timeZone: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(iso))
}

export function formatDateTime(iso: string, timeZone: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(iso))
}

/** Slots grouped by their calendar day in `timeZone`, in order. */
export function groupByDay(slots: Slot[], timeZone: string, locale: string) {
  const keyFmt = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone })
  const labelFmt = new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", timeZone })
  const days = new Map<string, { key: string; label: string; slots: Slot[] }>()
  for (const s of slots) {
    const d = new Date(s.start_at)
    const key = keyFmt.format(d)
    if (!days.has(key)) days.set(key, { key, label: labelFmt.format(d), slots: [] })
    days.get(key)!.slots.push(s)
  }
  return [...days.values()]
}

/**
 * A time zone named in words in the reader's language ("Gulf Standard Time", "Персидский залив"),
 * never its IANA id: Intl's generic long name, else its long name, else the id.
 */
export function zoneName(timeZone: string, locale: string, at: Date = new Date()): string {
  for (const style of ["longGeneric", "long"] as const) {
    try {
      const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style }).formatToParts(at).find((p) => p.type === "timeZoneName")
      if (part?.value && !/^GMT[+-]?\d*/.test(part.value)) return part.value
    } catch {
      // An engine without that style: try the next.
    }
  }
  return timeZone
}
