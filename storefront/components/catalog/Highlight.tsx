import { Fragment } from "react"

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" }
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e)

/**
 * The search API's highlight ("Wireless <mark>Headphones</mark>", HTML-escaped text) as React
 * nodes: only <mark> becomes markup, everything else stays text (no innerHTML from the network).
 */
export function Highlight({ html, fallback }: { html: string | null | undefined; fallback: string }) {
  if (!html) return <>{fallback}</>
  const parts = html.split(/(<mark>|<\/mark>)/)
  let marked = false
  return (
    <>
      {parts.map((p, i) => {
        if (p === "<mark>") return ((marked = true), null)
        if (p === "</mark>") return ((marked = false), null)
        if (!p) return null
        return marked ? <mark key={i}>{unescape(p)}</mark> : <Fragment key={i}>{unescape(p)}</Fragment>
      })}
    </>
  )
}
