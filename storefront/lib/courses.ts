import type { Locale } from "./i18n"
import { localeHeaders, requireSdk } from "./sdk"

// The buyer's course library (docs/course-access.md): GET /store/courses and friends.

export type CourseLesson = {
  id: string
  position: number
  title: string
  kind: "file" | "hls"
  filename: string
  mime_type: string
  size_bytes: number
  segment_count: number
  percent: number
  position_seconds: number | null
  duration_seconds?: number
  watched_seconds?: number
}

export type RefundInfo =
  | { allowed: true; window_ends_at: string | null }
  | { allowed: false; window_ends_at: string | null; code: string; message: string }

export type MyCourse = {
  id: string
  order_id: string
  order_display_id: string | null
  line_state: string | null
  product: { id: string; title?: string; thumbnail?: string | null; handle?: string }
  status: "ACTIVE" | "REVOKED" | "EXPIRED"
  granted_at: string
  expires_at: string | null
  reason: string | null
  consumption_pct: number
  policy: { delivery: "FILE" | "STREAM" | "LINK"; access_days: number | null; refund_days: number; consumption_threshold_pct: number; external_url: string | null }
  lessons: CourseLesson[]
  refund: RefundInfo
}

/** Course names in the reader's language (issue 21). */
export async function listMyCourses(locale: Locale): Promise<MyCourse[]> {
  return (await requireSdk().client.fetch<{ courses: MyCourse[] }>("/store/courses", { headers: localeHeaders(locale) })).courses
}

const DEVICE_KEY = "snail_course_device"

/** This browser's device id for the course's concurrent-device limit (random, kept in localStorage). */
function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY)
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("")
    localStorage.setItem(DEVICE_KEY, id)
  }
  return id
}

export async function lessonUrl(grantId: string, lessonId: string): Promise<{ url: string; expires_at: string; kind: string }> {
  return requireSdk().client.fetch(`/store/courses/${encodeURIComponent(grantId)}/lessons/${encodeURIComponent(lessonId)}/url`, {
    method: "POST",
    body: { device_id: deviceId() },
  })
}

/**
 * A progress heartbeat (docs/course-access.md "Consumption"): the media seconds actually played
 * since the last one, as intervals; the server merges them, so replaying a part counts once.
 */
export async function reportProgress(grantId: string, lessonId: string, played: { intervals: [number, number][]; position_seconds: number }) {
  return requireSdk().client.fetch<unknown>(
    `/store/courses/${encodeURIComponent(grantId)}/lessons/${encodeURIComponent(lessonId)}/progress`,
    { method: "POST", body: played }
  )
}

export async function requestCourseRefund(grantId: string, reason?: string): Promise<MyCourse> {
  const res = await requireSdk().client.fetch<{ course: MyCourse }>(`/store/courses/${encodeURIComponent(grantId)}/refund`, {
    method: "POST",
    body: reason ? { reason } : {},
  })
  return res.course
}

/**
 * Fetches a signed course asset as the signed-in buyer: a signed URL plays only with the buyer's
 * own session (docs/course-access.md), so a copied link alone is refused.
 */
async function fetchAsset(url: string): Promise<Response> {
  const token = await requireSdk().client.getToken()
  return fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} })
}

/** Downloads a signed file lesson as the buyer and hands it to the browser under `filename`. */
export async function downloadAsset(url: string, filename: string): Promise<void> {
  const res = await fetchAsset(url)
  if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { message?: string } | null)?.message ?? `HTTP ${res.status}`)
  const href = URL.createObjectURL(await res.blob())
  const a = Object.assign(document.createElement("a"), { href, download: filename })
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
}

export type PlayedInterval = [number, number]
// What one heartbeat may carry (src/lib/course-access/consumption.ts: MAX_INTERVAL_SECONDS, MAX_INTERVALS_PER_HEARTBEAT).
const MAX_INTERVAL_SECONDS = 120
const MAX_INTERVALS_PER_HEARTBEAT = 50
// Shorter played ranges are seeking noise, not watching.
const MIN_RANGE_SECONDS = 0.25

/**
 * Where a video's media really begins and ends. Its first frame usually sits a little after 0 (the
 * encoder's start offset: 0.12 s on the demo lesson) and nothing can be played before it; the
 * playlist's duration may round past the last frame. A range played from the first frame, or to the
 * last, covers the lesson from 0, or to its end.
 */
export type MediaEdges = { first_frame: number | null; last_frame: number; lesson_end: number }
const EDGE_SECONDS = 0.25

/** The video's `played` ranges, stretched over the media's edges (see MediaEdges). */
export function playedRanges(played: TimeRanges, edges: MediaEdges): PlayedInterval[] {
  const out: PlayedInterval[] = []
  for (let i = 0; i < played.length; i++) {
    let from = played.start(i)
    let to = played.end(i)
    if (edges.first_frame !== null && from <= edges.first_frame + EDGE_SECONDS) from = 0
    if (to >= edges.last_frame - EDGE_SECONDS && edges.lesson_end > to) to = edges.lesson_end
    out.push([from, to])
  }
  return out
}

/**
 * The parts of the played ranges not reported yet, cut into pieces one heartbeat may carry (the
 * rest goes with the next one). `reported` is sorted and disjoint (see mergePlayed).
 */
export function unreportedPlayed(played: PlayedInterval[], reported: PlayedInterval[]): PlayedInterval[] {
  const out: PlayedInterval[] = []
  for (const [start, to] of played) {
    let from = start
    for (const [a, b] of reported) {
      if (b <= from || a >= to) continue
      if (a > from) pushChunks(out, from, a)
      from = Math.max(from, b)
    }
    if (to > from) pushChunks(out, from, to)
  }
  return out.slice(0, MAX_INTERVALS_PER_HEARTBEAT)
}

function pushChunks(out: PlayedInterval[], from: number, to: number) {
  if (to - from < MIN_RANGE_SECONDS) return
  for (let a = from; a < to; a += MAX_INTERVAL_SECONDS) out.push([a, Math.min(to, a + MAX_INTERVAL_SECONDS)])
}

/** The union of two sorted interval lists, sorted and disjoint. */
export function mergePlayed(a: PlayedInterval[], b: PlayedInterval[]): PlayedInterval[] {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0])
  const out: PlayedInterval[] = []
  for (const [from, to] of all) {
    const last = out[out.length - 1]
    if (last && from <= last[1]) last[1] = Math.max(last[1], to)
    else out.push([from, to])
  }
  return out
}
