"use client"

import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { downloadAsset, lessonUrl, MyCourse, requestCourseRefund } from "@/lib/courses"
import { LessonPlayer } from "./LessonPlayer"
import { describeError } from "@/lib/errors"
import { useI18n } from "@/lib/i18n-context"
import type { MessageKey } from "@/lib/i18n"

function Progress({ value, testid }: { value: number; testid: string }) {
  return (
    <span className="course-progress" data-testid={testid} data-value={value}>
      <progress max={100} value={value} /> {value}%
    </span>
  )
}

export function CourseCard({ course }: { course: MyCourse }) {
  const { t, intlLocale, locale } = useI18n()
  const qc = useQueryClient()
  // The open video lesson and its signed playlist URL (one player per card).
  const [player, setPlayer] = useState<{ lessonId: string; url: string } | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const date = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium" })
  const refresh = () => qc.invalidateQueries({ queryKey: ["courses"] })
  // Server messages name the rule that refused (the refund reason itself is shown translated below).
  const describe = (err: unknown) => describeError(locale, err)

  const open = useMutation({
    mutationFn: async (lesson: MyCourse["lessons"][number]) => {
      setFailure(null)
      const { url } = await lessonUrl(course.id, lesson.id)
      if (lesson.kind === "file") {
        // The server records a download as that lesson consumed (and only that lesson).
        await downloadAsset(url, lesson.filename)
        return
      }
      // Streamed lessons play in the card; what is watched is reported by the player itself.
      setPlayer({ lessonId: lesson.id, url })
    },
    onSuccess: () => refresh(),
    onError: (e) => { setFailure(describe(e)); refresh() },
  })

  const refund = useMutation({
    mutationFn: () => requestCourseRefund(course.id),
    onSuccess: () => refresh(),
    onError: (e) => { setFailure(describe(e)); refresh() },
  })

  const active = course.status === "ACTIVE"
  const refundReason =
    !course.refund.allowed && course.refund.code
      ? t(`courses.refund.${course.refund.code}` as MessageKey, { threshold: course.policy.consumption_threshold_pct, days: course.policy.refund_days })
      : null

  return (
    <article className="course card" data-testid="course-card" data-grant-id={course.id} data-status={course.status}>
      <header className="course-head">
        <h2 dir="auto" data-testid="course-title">{course.product.title}</h2>
        <span className={`badge ${active ? "" : "muted"}`} data-testid="course-status">{t(`courses.status.${course.status}` as MessageKey)}</span>
      </header>
      <p className="muted">
        {t("courses.order", { id: course.order_display_id ?? course.order_id })} · {t("courses.grantedOn", { date: date.format(new Date(course.granted_at)) })}
        {" · "}
        {course.expires_at ? t("courses.accessUntil", { date: date.format(new Date(course.expires_at)) }) : t("courses.lifetime")}
      </p>
      <p>
        {t("courses.consumed")}: <Progress value={course.consumption_pct} testid="course-consumption" />
      </p>
      {course.reason && !active && <p className="alert" data-testid="course-revoked-reason">{course.reason}</p>}
      {course.policy.delivery === "LINK" && course.policy.external_url && (
        <p><a href={course.policy.external_url} target="_blank" rel="noreferrer" data-testid="course-link">{t("courses.openLink")}</a></p>
      )}
      <ol className="lessons">
        {course.lessons.map((l) => (
          <li key={l.id} className="lesson" data-testid="lesson-row" data-lesson-id={l.id}>
            <span dir="auto" className="lesson-title">{l.title}</span>
            <Progress value={l.percent} testid="lesson-progress" />
            <button
              type="button"
              className="button"
              data-testid={l.kind === "hls" ? "lesson-stream" : "lesson-download"}
              disabled={!active || open.isPending}
              onClick={() => open.mutate(l)}
            >
              {l.kind === "hls" ? t("courses.stream") : t("courses.download")}
            </button>
            {player?.lessonId === l.id && (
              <LessonPlayer
                grantId={course.id}
                lesson={{ id: l.id, title: l.title, duration_seconds: l.duration_seconds, position_seconds: l.position_seconds }}
                url={player.url}
                onProgress={refresh}
                onClose={() => setPlayer(null)}
              />
            )}
          </li>
        ))}
      </ol>
      <div className="course-refund">
        {course.refund.allowed ? (
          <>
            <button type="button" className="button" data-testid="course-refund" disabled={refund.isPending} onClick={() => refund.mutate()}>
              {t("courses.refund.request")}
            </button>
            {course.refund.window_ends_at && (
              <span className="muted"> {t("courses.refund.until", { date: date.format(new Date(course.refund.window_ends_at)), threshold: course.policy.consumption_threshold_pct })}</span>
            )}
          </>
        ) : (
          <p className="muted" data-testid="course-refund-refused" data-code={course.refund.code}>{refundReason}</p>
        )}
      </div>
      {failure && <p className="alert" role="alert" data-testid="course-error">{failure}</p>}
    </article>
  )
}
