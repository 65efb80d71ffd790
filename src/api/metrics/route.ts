import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { timingSafeEqual } from "node:crypto"
import { metrics } from "../../observability/metrics"
import { refreshProbeGauges } from "../../observability/probes"

/**
 * Prometheus exposition of this instance (docs/operations.md). Allowed with `Authorization: Bearer
 * $METRICS_TOKEN`, or without a token from the same machine when no proxy forwarded the call (a
 * balancer on the same host connects from loopback too, so X-Forwarded-For marks it as remote).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  if (!allowed(req)) {
    res.status(403).json({ type: "not_allowed", code: "METRICS_FORBIDDEN", message: "Metrics need the metrics token." })
    return
  }
  await refreshProbeGauges(req.scope)
  res.setHeader("Content-Type", metrics.registry.contentType)
  res.setHeader("Cache-Control", "no-store")
  res.send(await metrics.registry.metrics())
}

function allowed(req: MedusaRequest): boolean {
  const token = process.env.METRICS_TOKEN
  const header = req.headers.authorization ?? ""
  if (token && header.startsWith("Bearer ")) {
    const given = Buffer.from(header.slice(7))
    const wanted = Buffer.from(token)
    return given.length === wanted.length && timingSafeEqual(given, wanted)
  }
  const remote = req.socket.remoteAddress ?? ""
  const loopback = remote === "127.0.0.1" || remote === "::1" || remote === "::ffff:127.0.0.1"
  return loopback && !req.headers["x-forwarded-for"] && !req.headers.forwarded
}
