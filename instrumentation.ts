import { registerOtel } from "@medusajs/medusa"
import { installRequestIdLogging } from "./src/observability/json-logs"
import { installGracefulShutdown } from "./src/observability/shutdown"
import { installAdminHeadersHook } from "./src/api/security/headers"

/**
 * Loaded by `medusa start` / `medusa develop` before the app (Medusa's instrumentation hook).
 * - Graceful shutdown and request ids in logs (docs/operations.md) are always on.
 * - The admin dashboard's security headers (CSP, frame-ancestors, nosniff) on /app: Medusa serves the
 *   dashboard before our middlewares, so they are set around the HTTP handler (docs/security.md).
 * - OpenTelemetry traces (HTTP, workflows, remote queries, PostgreSQL) only when
 *   OTEL_EXPORTER_OTLP_ENDPOINT is set: then spans go there over OTLP/HTTP, named OTEL_SERVICE_NAME.
 */
export function register() {
  installGracefulShutdown()
  installRequestIdLogging()
  installAdminHeadersHook()
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT
  if (!endpoint) return
  // Required lazily: without an endpoint the OTLP exporter's packages are never loaded.
  const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-http")
  registerOtel({
    serviceName: process.env.OTEL_SERVICE_NAME || "snail-marketplace",
    exporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, "")}/v1/traces` }),
    instrument: { http: true, workflows: true, query: true, db: true },
  })
}
