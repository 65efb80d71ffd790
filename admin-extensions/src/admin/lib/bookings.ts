import { sdk } from "./sdk"

// Types and API helpers for the booking screens (docs/booking.md).

export type Schedule = {
  id: string
  product_id: string
  variant_id: string | null
  timezone: string
  rrule: string
  slot_minutes: number
  buffer_minutes: number
  window_minutes: number | null
  capacity: number
  horizon_days: number
  min_notice_minutes: number
  exdates: string[] | null
  blackouts: { start: string; end: string }[] | null
  extra_slots: string[] | null
  free_cancel_hours: number
  cancel_fee_bps: number
  reschedule_until_hours: number
  max_reschedules: number
  auto_confirm: boolean
}

export type Booking = {
  id: string
  status: string
  start_at: string
  end_at: string
  timezone: string
  title: string | null
  order_id: string
  order_display_id: number | null
  merchant_id: string | null
  line: { id: string; state: string } | null
}

export const errorText = (e: unknown) => (e as any)?.message ?? String(e)

export const getProductSchedule = (productId: string) =>
  sdk.client.fetch<{ schedule: Schedule | null }>(`/admin/products/${productId}/schedule`)

export const saveProductSchedule = (productId: string, body: Partial<Schedule>) =>
  sdk.client.fetch<{ schedule: Schedule }>(`/admin/products/${productId}/schedule`, { method: "POST", body })

export const deleteProductSchedule = (productId: string) =>
  sdk.client.fetch(`/admin/products/${productId}/schedule`, { method: "DELETE" })

export const listBookings = (from: Date, to: Date) =>
  sdk.client.fetch<{ bookings: Booking[] }>(`/admin/bookings`, { query: { from: from.toISOString(), to: to.toISOString() } })

/** Monday 00:00 UTC of the week containing `d`. */
export function weekStart(d: Date): Date {
  const day = (d.getUTCDay() + 6) % 7
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day))
}

/** The seven days of the week from `start`, with the bookings starting on each (in the viewer's zone). */
export function weekColumns(start: Date, bookings: Booking[]) {
  return Array.from({ length: 7 }, (_, i) => {
    const day = new Date(start.getTime() + i * 86_400_000)
    const key = day.toISOString().slice(0, 10)
    return { day, key, bookings: bookings.filter((b) => b.start_at.slice(0, 10) === key).sort((a, b) => a.start_at.localeCompare(b.start_at)) }
  })
}

export const timeIn = (iso: string, timeZone?: string) =>
  new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(iso))
