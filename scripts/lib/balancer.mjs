// The load balancer in front of the server instances (`npm run stack:prod`, the scale suite).
// http-proxy-3 (a maintained TypeScript rewrite of node-http-proxy) rather than nginx: `npm ci`
// gives it on every machine and CI without root or apt, and the retry and overload rules below are
// a few lines of JavaScript the tests exercise, not a config dialect. In a real deployment the same
// rules belong to the platform's balancer (docs/deployment.md).
//   - round robin over instances that are up, fewest requests in flight first;
//   - an instance is up while GET /ready answers (it says "shutdown" while draining → taken out);
//   - a request that never reached an instance (connection refused) goes to the next one, so a
//     killed instance costs no request; one cut off mid-way is answered 502, never replayed
//     (it may have had an effect: clients retry with their idempotency key);
//   - above BALANCER_MAX_IN_FLIGHT requests in flight: 503 OVERLOADED with Retry-After at once,
//     instead of queueing until every instance times out (safe degradation past peak load);
//   - answers under /app (the admin dashboard) carry its security headers (CSP with frame-ancestors,
//     nosniff, X-Frame-Options; HSTS when the client came over TLS) where the instance did not set them.
import http from "node:http"
import { Readable } from "node:stream"
import { createProxyServer } from "http-proxy-3"
import { adminHeaderSet, isAdminPath } from "./admin-headers.mjs"

const BODY_LIMIT = 10 * 1024 * 1024

/**
 * @param {{ port: number, upstreams: string[], maxInFlight?: number, healthIntervalMs?: number, log?: (m: string) => void }} o
 */
export async function startBalancer({ port, upstreams, maxInFlight = 128, healthIntervalMs = 1000, log = () => {} }) {
  const pool = upstreams.map((url) => ({ url, up: true, inFlight: 0 }))
  const proxy = createProxyServer({ xfwd: true, proxyTimeout: 60_000, timeout: 65_000 })
  // Runs before the proxy copies the instance's headers onto the answer: fill in what is missing only.
  proxy.on("proxyRes", (proxyRes, req) => {
    if (!isAdminPath(req.url)) return
    const secure = String(req.headers["x-forwarded-proto"] ?? "").split(",")[0].trim() === "https" || req.socket?.encrypted === true
    for (const [name, value] of Object.entries(adminHeaderSet(secure))) {
      const key = name.toLowerCase()
      if (proxyRes.headers[key] === undefined) proxyRes.headers[key] = value
    }
  })
  let inFlight = 0
  let turn = 0
  const stats = { served: 0, overloaded: 0, retried: 0, failed: 0 }

  const pick = (tried) => {
    const candidates = pool.filter((u) => u.up && !tried.has(u))
    const fallback = candidates.length ? candidates : pool.filter((u) => !tried.has(u)) // none up: try anyway
    if (!fallback.length) return undefined
    turn = (turn + 1) % fallback.length
    const least = Math.min(...fallback.map((u) => u.inFlight))
    const rotated = [...fallback.slice(turn), ...fallback.slice(0, turn)]
    return rotated.find((u) => u.inFlight === least)
  }

  const reply = (res, status, code, message, retryAfter) => {
    if (res.headersSent) return res.destroy()
    res.writeHead(status, { "content-type": "application/json", ...(retryAfter ? { "retry-after": String(retryAfter) } : {}) })
    res.end(JSON.stringify({ type: status === 503 ? "unavailable" : "bad_gateway", code, message }))
  }

  const server = http.createServer(async (req, res) => {
    if (inFlight >= maxInFlight) {
      stats.overloaded += 1
      return reply(res, 503, "OVERLOADED", "Too many requests in flight; retry shortly.", 1)
    }
    inFlight += 1
    res.on("close", () => (inFlight -= 1))
    const chunks = []
    let size = 0
    try {
      for await (const chunk of req) {
        size += chunk.length
        if (size > BODY_LIMIT) return reply(res, 413, "PAYLOAD_TOO_LARGE", "The request body is too large.")
        chunks.push(chunk)
      }
    } catch {
      return res.destroy()
    }
    const body = Buffer.concat(chunks)
    const tried = new Set()
    const attempt = () => {
      const target = pick(tried)
      if (!target) {
        stats.failed += 1
        return reply(res, 503, "NOT_READY", "No server instance is available; retry shortly.", 2)
      }
      tried.add(target)
      target.inFlight += 1
      let settled = false
      const done = () => {
        if (!settled) (settled = true), (target.inFlight -= 1)
      }
      res.once("close", done)
      proxy.web(req, res, { target: target.url, buffer: Readable.from([body]) }, (err) => {
        done()
        const neverArrived = err?.code === "ECONNREFUSED" || err?.code === "EHOSTUNREACH"
        if (neverArrived) {
          target.up = false
          if (!res.headersSent) {
            stats.retried += 1
            return attempt()
          }
        }
        stats.failed += 1
        log(`${req.method} ${req.url} → ${target.url}: ${err?.code ?? err?.message}`)
        reply(res, 502, "UPSTREAM_FAILED", "The server instance failed while answering; retry with the same idempotency key.", 1)
      })
      stats.served += 1
    }
    attempt()
  })

  const probe = async () => {
    await Promise.all(
      pool.map(async (u) => {
        try {
          const r = await fetch(`${u.url}/ready`, { signal: AbortSignal.timeout(2000) })
          const data = await r.json().catch(() => ({}))
          // Up unless it is draining or cannot reach its database: a PSP outage still lets it serve browsing.
          const failed = Array.isArray(data?.failed) ? data.failed : []
          const wasUp = u.up
          u.up = r.ok || (r.status === 503 && !failed.includes("shutdown") && !failed.includes("database"))
          if (wasUp !== u.up) log(`${u.url} is ${u.up ? "up" : `out (${failed.join(", ") || r.status})`}`)
        } catch {
          if (u.up) log(`${u.url} is out (no answer)`)
          u.up = false
        }
      })
    )
  }
  await probe()
  const timer = setInterval(probe, healthIntervalMs)
  timer.unref()
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, "0.0.0.0", resolve))
  return {
    url: `http://localhost:${port}`,
    stats,
    pool,
    async stop() {
      clearInterval(timer)
      proxy.close?.()
      await new Promise((r) => server.close(r))
      server.closeAllConnections?.()
    },
  }
}
