import { createHash } from "node:crypto"
import http from "node:http"
import https from "node:https"
import { FiscalProviderError } from "./types"

export type HttpResponse = { status: number; body: any; text: string }

export type TlsOptions = { cert?: string; key?: string; ca?: string }

/**
 * One JSON request with a hard timeout. Network errors and timeouts are retryable
 * FiscalProviderErrors; any HTTP status comes back to the caller to judge.
 */
export function requestJson(
  url: string,
  init: { method: "GET" | "POST"; headers?: Record<string, string>; body?: string; timeoutMs: number; tls?: TlsOptions }
): Promise<HttpResponse> {
  const target = new URL(url)
  const lib = target.protocol === "https:" ? https : http
  return new Promise((resolve, reject) => {
    const req = lib.request(
      target,
      {
        method: init.method,
        headers: {
          Accept: "application/json",
          ...(init.body !== undefined ? { "Content-Type": "application/json; charset=utf-8", "Content-Length": String(Buffer.byteLength(init.body)) } : {}),
          ...init.headers,
        },
        ...(target.protocol === "https:" && init.tls ? { cert: init.tls.cert, key: init.tls.key, ca: init.tls.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on("data", (c) => chunks.push(c))
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8")
          let body: any = null
          try {
            body = text ? JSON.parse(text) : null
          } catch {
            body = null
          }
          resolve({ status: res.statusCode ?? 0, body, text })
        })
        res.on("error", (e) => reject(new FiscalProviderError(`Response error: ${e.message}`, true)))
      }
    )
    req.setTimeout(init.timeoutMs, () => req.destroy(new Error(`timed out after ${init.timeoutMs} ms`)))
    req.on("error", (e) => reject(new FiscalProviderError(`${init.method} ${target.pathname}: ${e.message}`, true)))
    if (init.body !== undefined) req.write(init.body)
    req.end()
  })
}

/** Kopecks → the decimal number both services expect (99.67). Exact: built from the integer's digits. */
export function rubles(minor: number): number {
  const sign = minor < 0 ? "-" : ""
  const abs = String(Math.abs(minor)).padStart(3, "0")
  return Number(`${sign}${abs.slice(0, -2)}.${abs.slice(-2)}`)
}

/**
 * Our idempotency keys can be longer than a service allows for its document id (OrangeData 64,
 * ATOL 128): longer ones become a deterministic digest, so a resend still carries the same id.
 */
export function boundedId(id: string, max: number): string {
  if (id.length <= max) return id
  return `snl-${createHash("sha256").update(id).digest("hex")}`.slice(0, max)
}
