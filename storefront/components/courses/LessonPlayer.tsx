"use client"

import { useEffect, useRef, useState } from "react"
import type Hls from "hls.js"
import { mergePlayed, PlayedInterval, playedRanges, reportProgress, unreportedPlayed } from "@/lib/courses"
import { requireSdk } from "@/lib/sdk"
import { useI18n } from "@/lib/i18n-context"

/** How often a playing lesson reports what was watched (the server merges overlapping reports). */
const HEARTBEAT_MS = 15_000
const WATERMARK = /DATA-ID="com\.snailmarketplace\.watermark",VALUE="([^"]+)"/

type Props = {
  grantId: string
  lesson: { id: string; title: string; duration_seconds?: number; position_seconds: number | null }
  /** The signed playlist URL (POST …/lessons/:id/url). */
  url: string
  onProgress: () => void
  onClose: () => void
}

/**
 * An HLS lesson in a real player (hls.js on Media Source Extensions). Every request of the signed
 * playlist and its signed segments carries the buyer's token: a signed URL alone plays for nobody
 * else (docs/course-access.md). Progress is what the video element says was played (`played`
 * ranges), reported as heartbeats while playing, on pause, seek, end and when the player closes,
 * so consumption counts seconds actually watched — opening a lesson consumes nothing.
 */
export function LessonPlayer({ grantId, lesson, url, onProgress, onClose }: Props) {
  const { t } = useI18n()
  const video = useRef<HTMLVideoElement>(null)
  const [watermark, setWatermark] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const resumeAt = resumePosition(lesson.position_seconds, lesson.duration_seconds)

  useEffect(() => {
    const el = video.current
    if (!el) return
    let hls: Hls | undefined
    let cancelled = false
    // What the server has acknowledged: each heartbeat carries only what was played since.
    let reported: PlayedInterval[] = []
    // The media's first frame, known once it is buffered from the start (not after a resume).
    let firstFrame: number | null = null
    const onData = () => { if (firstFrame === null && el.buffered.length && el.buffered.start(0) < 1) firstFrame = el.buffered.start(0) }
    el.addEventListener("loadeddata", onData)
    const played = () => playedRanges(el.played, {
      first_frame: firstFrame,
      last_frame: Number.isFinite(el.duration) ? el.duration : Infinity,
      lesson_end: lesson.duration_seconds ?? 0,
    })
    let sending: Promise<unknown> = Promise.resolve()

    // One heartbeat at a time; a failed one is sent again with the next (its ranges are still unreported).
    const report = () => {
      sending = sending.then(async () => {
        const intervals = unreportedPlayed(played(), reported)
        if (!intervals.length) return
        await reportProgress(grantId, lesson.id, { intervals, position_seconds: Math.floor(el.currentTime) })
        reported = mergePlayed(reported, intervals)
        onProgress()
      }).catch(() => undefined)
      return sending
    }
    const timer = window.setInterval(() => { if (!el.paused) report() }, HEARTBEAT_MS)
    const events = ["pause", "ended", "seeking"] as const
    events.forEach((e) => el.addEventListener(e, report))
    const onHide = () => { if (document.visibilityState === "hidden") report() }
    document.addEventListener("visibilitychange", onHide)

    ;(async () => {
      const token = await requireSdk().client.getToken()
      const { default: HlsPlayer } = await import("hls.js")
      if (cancelled) return
      if (!HlsPlayer.isSupported()) {
        setFailure(t("courses.player.unsupported"))
        return
      }
      hls = new HlsPlayer({
        startPosition: resumeAt,
        xhrSetup: (xhr) => { if (token) xhr.setRequestHeader("authorization", `Bearer ${token}`) },
      })
      hls.on(HlsPlayer.Events.MANIFEST_LOADED, (_e, data) => {
        const text = (data.networkDetails as XMLHttpRequest | undefined)?.responseText ?? ""
        setWatermark(WATERMARK.exec(text)?.[1] ?? null)
      })
      hls.on(HlsPlayer.Events.MANIFEST_PARSED, () => { el.play().catch(() => undefined) })
      hls.on(HlsPlayer.Events.ERROR, (_e, data) => {
        if (!data.fatal) return
        setFailure(t(data.type === HlsPlayer.ErrorTypes.NETWORK_ERROR ? "courses.player.networkError" : "courses.player.error"))
        hls?.destroy()
      })
      hls.loadSource(url)
      hls.attachMedia(el)
    })().catch(() => setFailure(t("courses.player.error")))

    return () => {
      cancelled = true
      window.clearInterval(timer)
      events.forEach((e) => el.removeEventListener(e, report))
      el.removeEventListener("loadeddata", onData)
      document.removeEventListener("visibilitychange", onHide)
      report()
      hls?.destroy()
    }
    // The player is created once per signed URL; a new URL is a new player.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url])

  return (
    <div className="lesson-player" data-testid="lesson-player">
      <div className="lesson-video">
        <video ref={video} controls playsInline preload="metadata" aria-label={t("courses.player.label", { title: lesson.title })} data-testid="lesson-video" />
        {watermark && (
          <span className="lesson-watermark" aria-hidden="true" data-testid="lesson-watermark">
            {t("courses.watermark", { token: watermark })}
          </span>
        )}
      </div>
      {resumeAt > 0 && <p className="muted">{t("courses.player.resume", { time: clock(resumeAt) })}</p>}
      {failure && <p className="alert" role="alert" data-testid="lesson-player-error">{failure}</p>}
      <button type="button" className="button" data-testid="lesson-player-close" onClick={onClose}>
        {t("courses.player.close")}
      </button>
    </div>
  )
}

/** Where to resume: the last reported position, unless the lesson was watched to (nearly) its end. */
function resumePosition(position: number | null, duration?: number): number {
  if (!position || position <= 0) return 0
  if (duration && position >= duration - 2) return 0
  return position
}

function clock(seconds: number): string {
  const s = Math.floor(seconds)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`
}
