import Image from "next/image"
import { BACKEND_URL } from "@/lib/sdk"

// Pictures in the Medusa server's file storage are resized by next/image (next.config.mjs allows
// that origin); any other host (a merchant's own URL) is shown as it is rather than refused.
const OPTIMIZABLE = `${new URL(BACKEND_URL).origin}/static/`

/**
 * A product picture through next/image: resized per screen (srcset from `sizes`), WebP/AVIF,
 * lazy unless `priority` (the page's largest picture, an LCP candidate). No picture → a plain tile.
 */
export function ProductImage({ src, alt, className, sizes, priority = false }: { src: string | null | undefined; alt: string; className: string; sizes: string; priority?: boolean }) {
  if (!src) return <div className={`${className} placeholder`} aria-hidden />
  return <Image src={src} alt={alt} className={className} width={800} height={600} sizes={sizes} priority={priority} unoptimized={!src.startsWith(OPTIMIZABLE)} />
}
