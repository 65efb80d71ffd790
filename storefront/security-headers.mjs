// Security headers of every storefront page (issue 20 §6), the storefront's side of
// src/api/security/headers.ts: never framed (clickjacking), no MIME sniffing, a CSP that names the
// backend as the only other origin the pages talk to, HSTS when the site is served over https.
//
// Scripts: Next's App Router streams its payload through inline <script> tags, so script-src needs
// 'unsafe-inline' unless every page is rendered per request with a nonce (which would end static
// rendering); `next dev` also evaluates code ('unsafe-eval') and talks to its HMR socket (ws:).
// Media: hls.js plays course video from MediaSource blobs; segments and playlists are fetched from the backend.

/** @param {{ backendUrl?: string, mediaOrigins?: string[], dev?: boolean }} o */
export function storefrontContentSecurityPolicy({ backendUrl, mediaOrigins = [], dev = false } = {}) {
  const backend = originOf(backendUrl)
  const others = [backend, ...mediaOrigins.map(originOf)].filter(Boolean).join(" ")
  const withOthers = (base) => (others ? `${base} ${others}` : base)
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    withOthers("img-src 'self' data: blob:"),
    "font-src 'self' data:",
    withOthers(`connect-src 'self'${dev ? " ws: wss:" : ""}`),
    withOthers("media-src 'self' blob:"),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ")
}

/** The header list for next.config's headers(). `secure`: the public URL is https (HSTS). */
export function storefrontSecurityHeaders({ backendUrl, mediaOrigins, dev = false, secure = false } = {}) {
  return [
    { key: "Content-Security-Policy", value: storefrontContentSecurityPolicy({ backendUrl, mediaOrigins, dev }) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(self)" },
    ...(secure ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ]
}

function originOf(url) {
  if (!url) return undefined
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}
