// Course content and grants (docs/course-access.md): /admin/courses/:product_id, /admin/course-grants.

export type CoursePolicy = {
  product_id: string
  delivery: "FILE" | "STREAM" | "LINK"
  access_days: number | null
  refund_days: number
  consumption_threshold_pct: number
  max_sessions: number | null
  external_url: string | null
  is_default: boolean
}
export type CourseLesson = { id: string; position: number; title: string; kind: "file" | "hls"; filename: string; mime_type: string; size_bytes: number; segment_count: number }
export type CourseGrant = {
  id: string; order_id: string; order_display_id: string | null; customer_id: string; buyer_email: string; buyer_name: string | null
  status: string; effective_status: string; granted_at: string; expires_at: string | null; revoked_at: string | null; reason: string | null
  consumption_pct: number; refused_attempts: number
}

export class CourseApiError extends Error {
  constructor(message: string, public code?: string) {
    super(code ? `${message} (${code})` : message)
  }
}

/** Same-origin fetch with the dashboard's session cookie; errors keep their `code`. */
export async function courseApi<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const res = await fetch(path, {
    method: init?.method ?? "GET",
    credentials: "include",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new CourseApiError(data.message || `HTTP ${res.status}`, data.code)
  return data as T
}

export const courseKey = (productId: string) => ["snail-course", productId]
export const grantsKey = (productId: string) => ["snail-course-grants", productId]

export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}
