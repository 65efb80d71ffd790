// The admin dashboard's security headers, for the balancer in front of the server instances
// (balancer.mjs). The same set as src/api/security/headers.ts `adminHeaderSet()` — this file runs in
// plain node without the TypeScript build, so it holds a copy, and
// src/api/security/__tests__/admin-headers.unit.spec.ts fails when the two differ.

const HSTS = "max-age=31536000; includeSubDomains"

function originOf(url) {
  if (!url || url === "/") return undefined
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}

export function adminContentSecurityPolicy(env = process.env) {
  const backend = originOf(env.MEDUSA_BACKEND_URL)
  const scripts = env.NODE_ENV === "production" ? "'self'" : "'self' 'unsafe-inline' 'unsafe-eval'"
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data: https:",
    `connect-src 'self'${backend ? ` ${backend}` : ""}${env.NODE_ENV === "production" ? "" : " ws: wss:"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ")
}

/** @param {boolean} secure the request came over TLS (adds HSTS) */
export function adminHeaderSet(secure, env = process.env) {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(secure ? { "Strict-Transport-Security": HSTS } : {}),
    "Content-Security-Policy": adminContentSecurityPolicy(env),
  }
}

export const isAdminPath = (url) => {
  const path = (url ?? "").split("?")[0]
  return path === "/app" || path.startsWith("/app/")
}
