"use client"

import { useQuery } from "@tanstack/react-query"
import Link from "next/link"
import { useState } from "react"
import { BookingCard, type Pending } from "@/components/booking/BookingCard"
import { ErrorMessage, Loading } from "@/components/Status"
import { bookingApi, bookingMoves } from "@/lib/booking"
import { useCustomer } from "@/lib/customer-session"
import { useI18n } from "@/lib/i18n-context"

export default function AccountBookingsPage() {
  const { t } = useI18n()
  const { hydrated, token } = useCustomer()
  const [pending, setPending] = useState<Pending>(null)
  const bookings = useQuery({ queryKey: ["bookings", token], enabled: hydrated && !!token, queryFn: bookingApi.list })
  if (!hydrated) return <Loading />
  if (!token) {
    return (
      <p data-testid="bookings-sign-in">
        {t("account.signInRequired")} <Link href="/account/login">{t("nav.signIn")}</Link>
      </p>
    )
  }
  return (
    <section data-testid="account-bookings">
      <div className="page-head">
        <h1>{t("booking.heading")}</h1>
        <Link href="/account/orders">{t("account.orders.heading")}</Link>
      </div>
      {bookings.error ? (
        <ErrorMessage error={bookings.error} />
      ) : !bookings.data ? (
        <Loading />
      ) : bookings.data.length === 0 ? (
        <p className="muted" data-testid="bookings-empty">{t("booking.empty")}</p>
      ) : (
        <ul className="booking-list">
          {bookings.data.map((b) => <BookingCard key={b.id} b={b} pending={pending} setPending={setPending} moves={bookingMoves(b.id)} />)}
        </ul>
      )}
    </section>
  )
}
