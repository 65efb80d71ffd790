import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Calendar } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { errorText, listBookings, timeIn, weekColumns, weekStart } from "../../lib/bookings"

const WEEK = 7 * 86_400_000
const STATE_COLOR: Record<string, "green" | "orange" | "red" | "grey" | "blue"> = {
  CONFIRMED: "green", PAID: "orange", SERVED: "blue", CLOSED: "grey", CANCELLED: "red", NO_SHOW: "red",
}

// Week view of every merchant's bookings (platform staff). Times in UTC and the booking's zone.
const BookingsPage = () => {
  const [start, setStart] = useState(() => weekStart(new Date()))
  const end = new Date(start.getTime() + WEEK)
  const { data, isLoading, error } = useQuery({
    queryKey: ["snail-bookings", start.toISOString()],
    queryFn: () => listBookings(start, end),
    placeholderData: keepPreviousData,
  })
  const columns = weekColumns(start, data?.bookings ?? [])
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h1">Bookings</Heading>
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="secondary" onClick={() => setStart(new Date(start.getTime() - WEEK))}>←</Button>
          <Text size="small" data-testid="bookings-week">{start.toISOString().slice(0, 10)} – {new Date(end.getTime() - 1).toISOString().slice(0, 10)} (UTC)</Text>
          <Button size="small" variant="secondary" onClick={() => setStart(new Date(start.getTime() + WEEK))}>→</Button>
        </div>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{errorText(error)}</Text>}
      {isLoading ? (
        <Text className="px-6 py-4">Loading…</Text>
      ) : (
        <div className="grid grid-cols-7 gap-2 px-6 py-4" data-testid="bookings-grid">
          {columns.map((c) => (
            <div key={c.key} className="min-h-[120px] rounded-md border p-2">
              <Text size="xsmall" weight="plus">{c.day.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" })}</Text>
              {c.bookings.map((b) => (
                <Link key={b.id} to={`/orders/${b.order_id}`} className="mt-2 block rounded bg-ui-bg-subtle p-1" data-testid="booking-card">
                  <Text size="xsmall" weight="plus">{timeIn(b.start_at, "UTC")}–{timeIn(b.end_at, "UTC")} UTC</Text>
                  <Text size="xsmall">{timeIn(b.start_at, b.timezone)} {b.timezone}</Text>
                  <Text size="xsmall">{b.title ?? "Booking"} · #{b.order_display_id ?? ""}</Text>
                  <Badge size="2xsmall" color={STATE_COLOR[b.line?.state ?? ""] ?? "grey"}>{b.status === "CANCELLED" ? "CANCELLED" : b.line?.state ?? b.status}</Badge>
                </Link>
              ))}
            </div>
          ))}
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Bookings", icon: Calendar })

export default BookingsPage
