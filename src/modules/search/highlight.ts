/**
 * Highlights travel from the engine as control-character markers so the text can be HTML-escaped
 * afterwards: a product title containing "<script>" is shown, never run.
 */
export const MARK_START = "\u0001"
export const MARK_END = "\u0002"

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }

export function highlightMarked(text: string | null | undefined): string {
  return (text ?? "")
    .replace(/[&<>"']/g, (c) => ESCAPES[c])
    .split(MARK_START).join("<mark>")
    .split(MARK_END).join("</mark>")
}
