// The merchant dashboard's catalogue calls (issue 22 §2, §3; docs/merchant-api.md): product editor,
// bulk status, pictures, course content, schedule editor. Same client as lib/merchant-api.ts.
import { merchantRequest, type Amount } from "./merchant-api"

export type ReadinessProblem = {
  reason_code: "NO_VARIANTS" | "NO_PRICE" | "VARIANT_NOT_PRICED" | "NO_STOCK" | "COURSE_WITHOUT_LESSONS" | "SERVICE_WITHOUT_SCHEDULE"
  variant_id?: string
  variant_title?: string
  currency_code?: string
  region_name?: string
}
export type Readiness = { ready: boolean; problems: ReadinessProblem[] }

export type CatalogVariant = {
  id: string
  title: string
  sku?: string | null
  manage_inventory: boolean
  options?: { value: string; option_id?: string }[] | null
  prices?: { currency_code: string; amount: Amount }[] | null
  stocked_quantity: number | null
  reserved_quantity: number | null
}
export type CatalogOption = { id: string; title: string; values: { id: string; value: string }[] }
export type Translations = Partial<Record<"ru" | "ar", { title?: string; description?: string }>>

export type CatalogProduct = {
  id: string
  title: string
  handle: string
  description: string | null
  status: "draft" | "published" | string
  thumbnail: string | null
  kind: "PHYSICAL" | "SERVICE" | "COURSE" | null
  booking_mode: "slots" | "by_appointment" | null
  images: { id: string; url: string }[] | null
  options: CatalogOption[] | null
  variants: CatalogVariant[]
  translations: Translations
  readiness: Readiness
  created_at?: string
}

export type ProductList = { products: CatalogProduct[]; count: number; limit: number; offset: number }
export type ListFilters = { q?: string; kind?: string; status?: string; limit?: number; offset?: number }

export type NewCatalogProduct = {
  title: string
  kind: "PHYSICAL" | "SERVICE" | "COURSE"
  status: "draft" | "published"
  description?: string
  booking_mode?: "slots" | "by_appointment"
  options: { title: string; values: string[] }[]
  variants: { title: string; options: Record<string, string>; prices: { currency_code: string; amount: number }[]; stocked_quantity?: number; manage_inventory?: boolean }[]
}

export type Lesson = { id: string; title: string; kind: "file" | "hls"; position: number; filename: string; mime_type: string; size_bytes: number; duration_seconds: number | null }
export type CoursePolicy = {
  delivery: "FILE" | "STREAM" | "LINK"
  access_days: number | null
  refund_days: number
  consumption_threshold_pct: number | null
  max_sessions: number | null
  external_url: string | null
}
export type CourseContent = { policy: CoursePolicy | null; lessons: Lesson[] }

export type WeeklyBlock = { day: "MO" | "TU" | "WE" | "TH" | "FR" | "SA" | "SU"; start: string; end: string }
export type ScheduleFields = {
  timezone: string
  weekly_hours: WeeklyBlock[]
  slot_minutes: number
  buffer_minutes: number
  capacity: number
  min_notice_minutes: number
  horizon_days: number
  exdates: string[] | null
  blackouts: { start: string; end: string }[] | null
  extra_slots: string[] | null
  free_cancel_hours: number
  cancel_fee_bps: number
  reschedule_until_hours: number
  max_reschedules: number
}
export type Schedule = ScheduleFields & { id: string; product_id: string; variant_id: string | null; rrule: string; weekly_hours: WeeklyBlock[] | null }
export type SlotPreview = { rrule: string; timezone: string; slots: { start_at: string; end_at: string }[] }
export type Region = { id: string; name: string; currency_code: string }

const q = (token: string) => ({ token })

export const catalogApi = {
  list: (token: string, filters: ListFilters) => merchantRequest<ProductList>("/merchant/products", { ...q(token), query: filters }),
  get: async (token: string, id: string) => (await merchantRequest<{ product: CatalogProduct }>(`/merchant/products/${id}`, q(token))).product,
  create: async (token: string, body: NewCatalogProduct) => (await merchantRequest<{ product: CatalogProduct }>("/merchant/products", { ...q(token), body })).product,
  update: async (token: string, id: string, body: Record<string, unknown>) =>
    (await merchantRequest<{ product: CatalogProduct }>(`/merchant/products/${id}`, { ...q(token), body })).product,
  setStatus: (token: string, product_ids: string[], status: "draft" | "published") =>
    merchantRequest<{ status: string; updated: string[]; refused: { id: string; code: string; reason_code: ReadinessProblem["reason_code"] }[] }>(
      "/merchant/catalog/status", { ...q(token), body: { product_ids, status } }),
  addOption: async (token: string, id: string, body: { title: string; values: string[] }) =>
    (await merchantRequest<{ product: CatalogProduct }>(`/merchant/products/${id}/options`, { ...q(token), body })).product,
  updateOption: async (token: string, id: string, optionId: string, body: { title?: string; values?: string[] }) =>
    (await merchantRequest<{ product: CatalogProduct }>(`/merchant/products/${id}/options/${optionId}`, { ...q(token), body })).product,
  addVariant: async (token: string, id: string, body: Record<string, unknown>) =>
    (await merchantRequest<{ product: CatalogProduct }>(`/merchant/products/${id}/variants`, { ...q(token), body })).product,
  updateVariant: async (token: string, id: string, variantId: string, body: Record<string, unknown>) =>
    (await merchantRequest<{ product: CatalogProduct }>(`/merchant/products/${id}/variants/${variantId}`, { ...q(token), body })).product,
  deleteVariant: (token: string, id: string, variantId: string) => merchantRequest(`/merchant/products/${id}/variants/${variantId}`, { ...q(token), method: "DELETE" }),
  setStock: (token: string, id: string, variantId: string, stocked_quantity: number) =>
    merchantRequest(`/merchant/products/${id}/variants/${variantId}/inventory`, { ...q(token), body: { stocked_quantity } }),
  upload: async (token: string, files: { filename: string; mime_type: string; content_base64: string }[]) =>
    (await merchantRequest<{ files: { id: string; url: string }[] }>("/merchant/uploads", { ...q(token), body: { files } })).files,
  course: (token: string, productId: string) => merchantRequest<CourseContent>(`/merchant/courses/${productId}`, q(token)),
  addLesson: (token: string, productId: string, body: Record<string, unknown>) => merchantRequest<{ lesson: Lesson }>(`/merchant/courses/${productId}/lessons`, { ...q(token), body }),
  updateLesson: (token: string, productId: string, lessonId: string, body: Record<string, unknown>) =>
    merchantRequest<{ lesson: Lesson }>(`/merchant/courses/${productId}/lessons/${lessonId}`, { ...q(token), body }),
  deleteLesson: (token: string, productId: string, lessonId: string) => merchantRequest(`/merchant/courses/${productId}/lessons/${lessonId}`, { ...q(token), method: "DELETE" }),
  setPolicy: (token: string, productId: string, body: Partial<CoursePolicy>) => merchantRequest<{ policy: CoursePolicy }>(`/merchant/courses/${productId}/policy`, { ...q(token), body }),
  schedules: async (token: string, productId: string) =>
    (await merchantRequest<{ schedules: Schedule[] }>("/merchant/schedules", { ...q(token), query: { product_id: productId } })).schedules,
  createSchedule: async (token: string, body: ScheduleFields & { product_id: string }) =>
    (await merchantRequest<{ schedule: Schedule }>("/merchant/schedules", { ...q(token), body })).schedule,
  updateSchedule: async (token: string, id: string, body: Partial<ScheduleFields>) =>
    (await merchantRequest<{ schedule: Schedule }>(`/merchant/schedules/${id}`, { ...q(token), body })).schedule,
  preview: (token: string, body: Partial<ScheduleFields> & { count?: number }) => merchantRequest<SlotPreview>("/merchant/catalog/schedule-preview", { ...q(token), body }),
}

/** Reads a picked file as base64 (no data: prefix) for the JSON upload routes. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}
