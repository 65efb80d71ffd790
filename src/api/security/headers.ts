import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import http from "node:http"

/*
 * Helmet-equivalent headers (issue 20 §6), set by hand: four headers do not need a dependency.
 * API answers are never framed or sniffed; the admin dashboard gets a CSP. HSTS only on requests that
 * arrived over TLS (directly or through a proxy sending X-Forwarded-Proto, which Medusa trusts), since
 * a browser ignores it over http and a local http setup must keep working.
 */
const HSTS = "max-age=31536000; includeSubDomains"

function common(req: MedusaRequest, res: MedusaResponse) {
  for (const [name, value] of Object.entries(baseHeaders(req.secure))) res.setHeader(name, value)
}

function baseHeaders(secure: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(secure ? { "Strict-Transport-Security": HSTS } : {}),
  }
}

/** Every header the dashboard's answers carry; `secure`: the request came over TLS (adds HSTS). */
export function adminHeaderSet(secure: boolean, env: Record<string, string | undefined> = process.env): Record<string, string> {
  return { ...baseHeaders(secure), "Content-Security-Policy": adminContentSecurityPolicy(env) }
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

const ADMIN_PATH = "/app" // medusa-config's admin.path (Medusa's default; we never change it)

/** Whether a request URL is the dashboard's (its page, assets and client-side routes), not the API. */
export function isAdminPath(url: string | undefined): boolean {
  const path = (url ?? "").split("?")[0]
  return path === ADMIN_PATH || path.startsWith(`${ADMIN_PATH}/`)
}

/**
 * Medusa mounts the built dashboard (`app.use("/app", serve(...))`, @medusajs/medusa loaders/admin) in
 * the same `Promise.all` as our `src/api` middlewares and before them, so a `/app` middleware of ours never
 * runs for the dashboard's page and assets in a real server. Medusa offers no Express hook ahead of it; the
 * one thing it runs earlier is instrumentation.ts's `register()`, right before `medusa start` calls
 * `http.createServer(handler)`. This wraps that handler: a `/app` request gets the dashboard's headers set
 * on the response before Express sees it (the static handler only adds caching headers). Returns an undo.
 */
export function installAdminHeadersHook(env: Record<string, string | undefined> = process.env): () => void {
  const original = http.createServer
  const wrap = (listener: any) =>
    typeof listener === "function"
      ? function (this: unknown, req: http.IncomingMessage, res: http.ServerResponse) {
          if (isAdminPath(req.url)) {
            const secure = (req.socket as any)?.encrypted === true || String(req.headers["x-forwarded-proto"] ?? "").split(",")[0].trim() === "https"
            for (const [name, value] of Object.entries(adminHeaderSet(secure, env))) res.setHeader(name, value)
          }
          return listener.call(this, req, res)
        }
      : listener
  ;(http as any).createServer = function (options?: any, listener?: any) {
    return typeof options === "function" ? original.call(http, wrap(options)) : original.call(http, options, wrap(listener))
  }
  return () => {
    ;(http as any).createServer = original
  }
}
