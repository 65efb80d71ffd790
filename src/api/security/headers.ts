import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/*
 * Helmet-equivalent headers (issue 20 §6), set by hand: four headers do not need a dependency.
 * API answers are never framed or sniffed; the admin dashboard gets a CSP. HSTS only on requests that
 * arrived over TLS (directly or through a proxy sending X-Forwarded-Proto, which Medusa trusts), since
 * a browser ignores it over http and a local http setup must keep working.
 */
const HSTS = "max-age=31536000; includeSubDomains"

function common(req: MedusaRequest, res: MedusaResponse) {
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("X-Frame-Options", "DENY")
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin")
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin")
  if (req.secure) res.setHeader("Strict-Transport-Security", HSTS)
}

export function apiSecurityHeaders(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  common(req, res)
  // JSON, PDFs and media: no other site may embed them. (No `default-src 'none'`: invoices open as PDFs.)
  res.setHeader("Content-Security-Policy", "frame-ancestors 'none'")
  next()
}

/** The dashboard's built bundle loads only its own scripts; `medusa develop` serves Vite's inline preamble. */
export function adminContentSecurityPolicy(env: Record<string, string | undefined> = process.env): string {
  const backend = originOf(env.MEDUSA_BACKEND_URL)
  const scripts = env.NODE_ENV === "production" ? "'self'" : "'self' 'unsafe-inline' 'unsafe-eval'"
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'", // React style attributes
    "img-src 'self' data: blob: https: http:", // product images live on any file host
    "font-src 'self' data: https:",
    `connect-src 'self'${backend ? ` ${backend}` : ""}${env.NODE_ENV === "production" ? "" : " ws: wss:"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ")
}

export function adminSecurityHeaders(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  common(req, res)
  res.setHeader("Content-Security-Policy", adminContentSecurityPolicy())
  next()
}

function originOf(url: string | undefined): string | undefined {
  if (!url || url === "/") return undefined
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}
