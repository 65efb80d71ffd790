import client from "prom-client"

/**
 * The process's Prometheus registry (GET /metrics). Kept on globalThis so a second load of this file
 * (Medusa loads src/api and src/jobs separately; jest isolates registries) reuses the same metrics
 * instead of failing on duplicate names. Label values are bounded: routes are Express patterns
 * ("/store/carts/:id"), never raw paths; unmatched paths share one label.
 */
function build() {
  const registry = new client.Registry()
  client.collectDefaultMetrics({ register: registry, prefix: "snail_" })
  const m = {
    registry,
    httpDuration: new client.Histogram({
      name: "snail_http_request_duration_seconds",
      help: "HTTP request latency by route pattern, method and status code",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    checkoutFunnel: new client.Counter({
      name: "snail_checkout_funnel_total",
      help: "Checkout steps answered by this instance: cart_created, payment_session, completed, failed",
      labelNames: ["step"] as const,
      registers: [registry],
    }),
    jobRuns: new client.Counter({
      name: "snail_job_runs_total",
      help: "Scheduled job runs in this process by job and outcome (ok, failed)",
      labelNames: ["job", "status"] as const,
      registers: [registry],
    }),
    jobRunsRecorded: new client.Gauge({
      name: "snail_job_runs_recorded",
      help: "Scheduled job runs in the shared job_run journal over the last 24 h, every instance, by job and status",
      labelNames: ["job", "status"] as const,
      registers: [registry],
    }),
    paymentOperations: new client.Gauge({
      name: "snail_payment_operations",
      help: "Payment operations in the order-lines journal by kind and state",
      labelNames: ["kind", "state"] as const,
      registers: [registry],
    }),
    paymentOperationsOpen: new client.Gauge({
      name: "snail_payment_operations_open",
      help: "Payment operations not settled (PENDING or UNKNOWN): the recovery job's backlog",
      registers: [registry],
    }),
    incidents: new client.Gauge({
      name: "snail_incidents",
      help: "Integrity incidents found by a cheap database check: oversell (inventory reserved beyond stock), double_booking (slot seats beyond capacity)",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    stuckLines: new client.Gauge({
      name: "snail_stuck_order_lines",
      help: "Order lines waiting in a pre-payment state longer than STUCK_LINE_MINUTES (their expiry timer did not fire)",
      registers: [registry],
    }),
    queueJobs: new client.Gauge({
      name: "snail_queue_jobs",
      help: "BullMQ jobs by queue and state (Redis event bus and workflow engine; absent without Redis)",
      labelNames: ["queue", "state"] as const,
      registers: [registry],
    }),
    probeErrors: new client.Counter({
      name: "snail_metrics_probe_errors_total",
      help: "Database or Redis probes of /metrics that failed (the gauges then keep their last values)",
      labelNames: ["probe"] as const,
      registers: [registry],
    }),
  }
  return m
}

const KEY = Symbol.for("snail.observability.metrics")
const g = globalThis as unknown as Record<symbol, ReturnType<typeof build> | undefined>
export const metrics = (g[KEY] ??= build())

export type FunnelStep = "cart_created" | "payment_session" | "completed" | "failed"
