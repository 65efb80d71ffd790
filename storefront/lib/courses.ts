import { requireSdk } from "./sdk"

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

export async function listMyCourses(): Promise<MyCourse[]> {
  return (await requireSdk().client.fetch<{ courses: MyCourse[] }>("/store/courses")).courses
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
 * A minimal HLS loader: reads the signed playlist and fetches each signed segment in order,
 * reporting how many have loaded (the storefront's progress source for streamed lessons).
 */
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

export async function loadHls(playlistUrl: string, onSegment: (loaded: number, total: number) => void): Promise<{ total: number; watermark: string | null }> {
  const res = await fetchAsset(playlistUrl)
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  const text = await res.text()
  const watermark = /DATA-ID="com\.snailmarketplace\.watermark",VALUE="([^"]+)"/.exec(text)?.[1] ?? null
  const segments = text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
  for (let i = 0; i < segments.length; i++) {
    const seg = await fetchAsset(new URL(segments[i], playlistUrl).href)
    if (!seg.ok) throw new Error(`HTTP ${seg.status}`)
    await seg.arrayBuffer()
    onSegment(i + 1, segments.length)
  }
  return { total: segments.length, watermark }
}
