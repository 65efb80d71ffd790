"use client"

import { useQuery } from "@tanstack/react-query"
import Link from "next/link"
import { CourseCard } from "@/components/courses/CourseCard"
import { ErrorMessage, Loading } from "@/components/Status"
import { listMyCourses } from "@/lib/courses"
import { useCustomer } from "@/lib/customer-session"
import { useI18n } from "@/lib/i18n-context"

/** "My courses": every course the buyer bought, its lessons, progress and the refund rule. */
export default function MyCoursesPage() {
  const { t, locale } = useI18n()
  const { hydrated, token } = useCustomer()
  const courses = useQuery({ queryKey: ["courses", token, locale], enabled: hydrated && !!token, queryFn: () => listMyCourses(locale) })

  if (!hydrated) return <Loading />
  if (!token) {
    return (
      <p data-testid="courses-sign-in">
        {t("account.signInRequired")} <Link href="/account/login">{t("nav.signIn")}</Link>
      </p>
    )
  }
  return (
    <section data-testid="my-courses">
      <div className="page-head">
        <h1>{t("courses.heading")}</h1>
        <Link href="/account/orders">{t("account.orders.heading")}</Link>
      </div>
      {courses.error ? (
        <ErrorMessage error={courses.error} />
      ) : !courses.data ? (
        <Loading />
      ) : courses.data.length === 0 ? (
        <p className="muted" data-testid="courses-empty">{t("courses.empty")}</p>
      ) : (
        courses.data.map((c) => <CourseCard key={c.id} course={c} />)
      )}
    </section>
  )
}
