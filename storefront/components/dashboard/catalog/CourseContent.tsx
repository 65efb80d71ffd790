"use client"

import { Button, Input, Text, Textarea } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useDashboard } from "@/components/dashboard/context"
import { Card, ErrorNotice, Loading } from "@/components/dashboard/parts"
import { catalogApi, fileToBase64, type CoursePolicy } from "@/lib/catalog-api"
import { useDashboardI18n } from "@/lib/dashboard/i18n"
import { controlClass, Field } from "./shared"

type LessonKind = "video" | "pdf" | "text"
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+/, "").slice(-100) || "lesson"

/**
 * Course content (issue 22 §2): the lessons and access policy the platform admin already manages,
 * through the merchant-scoped routes of the same domain (src/api/course-access/content.ts).
 */
export function CourseContent({ productId, onChange }: { productId: string; onChange: () => void }) {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const qc = useQueryClient()
  const key = ["merchant", token, "course", productId]
  const content = useQuery({ queryKey: key, queryFn: () => catalogApi.course(token, productId) })
  const changed = () => { qc.invalidateQueries({ queryKey: key }); onChange() }
  const remove = useMutation({ mutationFn: (lessonId: string) => catalogApi.deleteLesson(token, productId, lessonId), onSuccess: changed })

  return (
    <Card title={t("cat.course.heading")} testId="catalog-course">
      {content.error ? <ErrorNotice error={content.error} /> : !content.data ? <Loading /> : (
        <div className="flex flex-col gap-5">
          <div>
            <Text size="small" weight="plus" className="mb-2">{t("cat.course.lessons")}</Text>
            {content.data.lessons.length === 0 ? <Text size="small" className="text-ui-fg-muted" data-testid="catalog-lessons-empty">{t("cat.course.none")}</Text> : (
              <ol className="flex flex-col gap-1 ps-5 list-decimal" data-testid="catalog-lessons">
                {[...content.data.lessons].sort((a, b) => a.position - b.position).map((l) => (
                  <li key={l.id} data-testid="catalog-lesson" className="txt-compact-small">
                    <span dir="auto">{l.title}</span>
                    {l.duration_seconds ? <span className="text-ui-fg-muted"> · {t("cat.course.duration", { minutes: Math.max(1, Math.round(l.duration_seconds / 60)) })}</span> : null}
                    <Button size="small" variant="transparent" onClick={() => remove.mutate(l.id)}>{t("cat.course.remove")}</Button>
                  </li>
                ))}
              </ol>
            )}
            <ErrorNotice error={remove.error} />
          </div>
          <NewLesson productId={productId} position={content.data.lessons.length} onAdded={changed} />
          <PolicyForm productId={productId} policy={content.data.policy} onSaved={changed} />
        </div>
      )}
    </Card>
  )
}

function NewLesson({ productId, position, onAdded }: { productId: string; position: number; onAdded: () => void }) {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const [title, setTitle] = useState("")
  const [kind, setKind] = useState<LessonKind>("text")
  const [text, setText] = useState("")
  const [files, setFiles] = useState<File[]>([])
  const [minutes, setMinutes] = useState("")
  const add = useMutation({
    mutationFn: async () => {
      const duration = Number(minutes) > 0 ? { duration_seconds: Math.round(Number(minutes) * 60) } : {}
      const playlist = files.find((f) => /\.m3u8$/i.test(f.name))
      if (kind === "video" && playlist) {
        // Streaming video: the playlist and its segments, stored as private files; its length comes from the playlist.
        const segments = await Promise.all(files.filter((f) => f !== playlist).map(async (f) => ({ name: safeName(f.name), content_base64: await fileToBase64(f) })))
        return catalogApi.addLesson(token, productId, { kind: "hls", title: title.trim(), position, filename: safeName(playlist.name), playlist: await playlist.text(), segments })
      }
      if (kind === "text") {
        const bytes = new TextEncoder().encode(text)
        let binary = ""
        bytes.forEach((b) => { binary += String.fromCharCode(b) })
        return catalogApi.addLesson(token, productId, { kind: "file", title: title.trim(), position, filename: `${safeName(title) || "lesson"}.txt`, mime_type: "text/plain", content_base64: btoa(binary), ...duration })
      }
      const file = files[0]
      return catalogApi.addLesson(token, productId, {
        kind: "file", title: title.trim(), position, filename: safeName(file.name), mime_type: file.type || (kind === "pdf" ? "application/pdf" : "video/mp4"),
        content_base64: await fileToBase64(file), ...duration,
      })
    },
    onSuccess: () => { setTitle(""); setText(""); setFiles([]); setMinutes(""); onAdded() },
  })
  const ready = title.trim() && (kind === "text" ? text.trim() : files.length > 0)
  return (
    <div className="flex flex-col gap-3 border-t border-ui-border-base pt-4" data-testid="catalog-new-lesson">
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t("cat.course.lessonTitle")}><Input dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="catalog-lesson-title" /></Field>
        <Field label={t("cat.course.kind")}>
          <select className={controlClass} value={kind} onChange={(e) => { setKind(e.target.value as LessonKind); setFiles([]) }} data-testid="catalog-lesson-kind">
            {(["video", "pdf", "text"] as const).map((k) => <option key={k} value={k}>{t(`cat.course.kind.${k}`)}</option>)}
          </select>
        </Field>
        {kind !== "video" || !files.some((f) => /\.m3u8$/i.test(f.name)) ? (
          <Field label={t("cat.course.minutes")}><Input type="number" min={1} dir="ltr" className="w-24" value={minutes} onChange={(e) => setMinutes(e.target.value)} data-testid="catalog-lesson-minutes" /></Field>
        ) : null}
      </div>
      {kind === "text" ? (
        <Field label={t("cat.course.text")}><Textarea dir="auto" rows={4} value={text} onChange={(e) => setText(e.target.value)} data-testid="catalog-lesson-text" /></Field>
      ) : (
        <Field label={kind === "video" ? `${t("cat.course.file")} / ${t("cat.course.hls")}` : t("cat.course.file")}>
          <input type="file" multiple={kind === "video"} accept={kind === "pdf" ? "application/pdf" : "video/*,.m3u8,.ts,.m4s"}
            onChange={(e) => setFiles([...(e.target.files ?? [])])} data-testid="catalog-lesson-file" />
        </Field>
      )}
      <ErrorNotice error={add.error} />
      <div><Button size="small" disabled={!ready} isLoading={add.isPending} onClick={() => add.mutate()} data-testid="catalog-lesson-add">{add.isPending ? t("cat.course.adding") : t("cat.course.add")}</Button></div>
    </div>
  )
}

function PolicyForm({ productId, policy, onSaved }: { productId: string; policy: CoursePolicy | null; onSaved: () => void }) {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n))
  const [delivery, setDelivery] = useState<CoursePolicy["delivery"]>(policy?.delivery === "STREAM" ? "STREAM" : "FILE")
  const [accessDays, setAccessDays] = useState(text(policy?.access_days))
  const [refundDays, setRefundDays] = useState(text(policy?.refund_days ?? 14))
  const [threshold, setThreshold] = useState(text(policy?.consumption_threshold_pct))
  const [sessions, setSessions] = useState(text(policy?.max_sessions))
  const whole = (s: string) => (s.trim() === "" ? null : Math.max(0, Math.floor(Number(s) || 0)))
  const save = useMutation({
    mutationFn: () => catalogApi.setPolicy(token, productId, {
      delivery, access_days: whole(accessDays) || null, refund_days: whole(refundDays) ?? 0,
      consumption_threshold_pct: whole(threshold) === null ? null : Math.min(100, whole(threshold)!), max_sessions: whole(sessions) || null,
    }),
    onSuccess: onSaved,
  })
  return (
    <div className="flex flex-col gap-3 border-t border-ui-border-base pt-4" data-testid="catalog-course-policy">
      <Text size="small" weight="plus">{t("cat.course.policy")}</Text>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("cat.course.delivery")}>
          <select className={controlClass} value={delivery} onChange={(e) => setDelivery(e.target.value as CoursePolicy["delivery"])}>
            {(["FILE", "STREAM"] as const).map((d) => <option key={d} value={d}>{t(`cat.course.delivery.${d}`)}</option>)}
          </select>
        </Field>
        <Field label={t("cat.course.accessDays")}><Input type="number" min={1} dir="ltr" value={accessDays} onChange={(e) => setAccessDays(e.target.value)} /></Field>
        <Field label={t("cat.course.refundDays")}><Input type="number" min={0} dir="ltr" value={refundDays} onChange={(e) => setRefundDays(e.target.value)} /></Field>
        <Field label={t("cat.course.threshold")}><Input type="number" min={0} max={100} dir="ltr" value={threshold} onChange={(e) => setThreshold(e.target.value)} /></Field>
        <Field label={t("cat.course.sessions")}><Input type="number" min={1} dir="ltr" value={sessions} onChange={(e) => setSessions(e.target.value)} /></Field>
      </div>
      <ErrorNotice error={save.error} />
      <div className="flex items-center gap-3">
        <Button size="small" variant="secondary" isLoading={save.isPending} onClick={() => save.mutate()} data-testid="catalog-policy-save">{t("dash.save")}</Button>
        {save.isSuccess && <Text size="xsmall" className="text-ui-fg-subtle">{t("cat.saved")}</Text>}
      </div>
    </div>
  )
}
