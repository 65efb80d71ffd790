import type { DeliveryContent } from "./types"

export const REDACTED = "[redacted]"

/**
 * The content as the log may keep it: every one-time secret (and its URL-encoded form) replaced by
 * [redacted] in the subject-less parts people read (HTML, text, Telegram). Attachments never carry them.
 */
export function redactSecrets(content: DeliveryContent, secrets: string[]): DeliveryContent {
  const needles = [...new Set(secrets.filter((s) => s && s.length >= 8).flatMap((s) => [s, encodeURIComponent(s)]))]
    .sort((a, b) => b.length - a.length)
  if (!needles.length) return content
  const scrub = (text: string | undefined) => (text === undefined ? text : needles.reduce((t, n) => t.split(n).join(REDACTED), text))
  return { ...content, html: scrub(content.html), text: scrub(content.text) ?? "" }
}
