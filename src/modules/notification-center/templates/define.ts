import type { Locale, NotificationType } from "../types"
import type { Formatter } from "./format"
import type { Block } from "./layout"

export type Attachment = { filename: string; content_type: string; content: string /* base64 */ }
export type Built = { subject: string; blocks: Block[]; attachments?: Attachment[] }

/** One template: its notification type and how it reads in each locale. */
export type Template<D> = {
  name: string
  type: NotificationType
  /** Sample data for the admin preview (and the template tests). */
  sample: D
  build(data: D, f: Formatter): Built
}

export function defineTemplate<D>(t: Template<D>): Template<D> {
  return t
}

/** Words per locale, picked by the reader's locale. */
export type Words<K extends string> = Record<Locale, Record<K, string>>

/** Fills `{name}` placeholders (values are escaped later, by the layout). */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k) => (k in values ? String(values[k]) : `{${k}}`))
}

export const ics = (text: string, filename = "booking.ics"): Attachment => ({
  filename, content_type: "text/calendar; charset=utf-8; method=PUBLISH", content: Buffer.from(text, "utf8").toString("base64"),
})
