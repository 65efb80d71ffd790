import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { Queue } from "bullmq"
import { metrics } from "./metrics"

// Read-only checks behind the database gauges of /metrics. They read several modules' tables in
// one SQL statement each, which module code never does: a scrape must stay a few cheap index
// scans, not a fan-out of query.graph calls. Results are cached briefly so scrapes from several
// Prometheus servers (or a refresh storm) cost one round of queries.
const cacheMs = () => Number(process.env.METRICS_PROBE_CACHE_MS ?? 5000)
let refreshed = 0
let running: Promise<void> | undefined

const PRE_PAYMENT_STATES = ["NEW", "RESERVED", "SLOT_RESERVED"]

export async function refreshProbeGauges(container: MedusaContainer): Promise<void> {
  if (Date.now() - refreshed < cacheMs()) return
  running ??= (async () => {
    try {
      await Promise.all([databaseGauges(container), queueGauges(container)])
      refreshed = Date.now()
    } finally {
      running = undefined
    }
  })()
  return running
}

async function guarded(probe: string, fn: () => Promise<void>) {
  try {
    await fn()
  } catch {
    metrics.probeErrors.inc({ probe })
  }
}

async function databaseGauges(container: MedusaContainer) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const stuckMinutes = Math.max(1, Number(process.env.STUCK_LINE_MINUTES || 60))
  await Promise.all([
    guarded("payment_operations", async () => {
      const { rows } = await pg.raw(`select kind, state, count(*)::int as n from payment_operation where deleted_at is null group by kind, state`)
      metrics.paymentOperations.reset()
      let open = 0
      for (const r of rows) {
        metrics.paymentOperations.set({ kind: r.kind, state: r.state }, r.n)
        if (r.state === "PENDING" || r.state === "UNKNOWN") open += r.n
      }
      metrics.paymentOperationsOpen.set(open)
    }),
    guarded("oversell", async () => {
      // Reserved beyond stock at one location: what Medusa's reservation races (DESIGN.md §4) would leave.
      const { rows } = await pg.raw(
        `select count(*)::int as n from inventory_level where deleted_at is null and reserved_quantity > stocked_quantity`
      )
      metrics.incidents.set({ kind: "oversell" }, rows[0].n)
    }),
    guarded("double_booking", async () => {
      // The unique seat index forbids two rows per seat; this catches seats numbered beyond capacity.
      const { rows } = await pg.raw(
        `select count(*)::int as n from (
           select b.schedule_id, b.start_at, count(*) as taken from booking b
           where b.deleted_at is null and b.status in ('HELD', 'BOOKED') group by b.schedule_id, b.start_at
         ) g join booking_schedule s on s.id = g.schedule_id where g.taken > s.capacity`
      )
      metrics.incidents.set({ kind: "double_booking" }, rows[0].n)
    }),
    guarded("stuck_lines", async () => {
      const { rows } = await pg.raw(
        `select count(*)::int as n from order_line where deleted_at is null and state = any(?) and state_entered_at < now() - make_interval(mins => ?)`,
        [PRE_PAYMENT_STATES, stuckMinutes]
      )
      metrics.stuckLines.set(rows[0].n)
    }),
    guarded("job_runs", async () => {
      const { rows } = await pg.raw(
        `select job_name, status, count(*)::int as n from job_run where deleted_at is null and started_at > now() - interval '24 hours' group by job_name, status`
      )
      metrics.jobRunsRecorded.reset()
      for (const r of rows) metrics.jobRunsRecorded.set({ job: r.job_name, status: r.status }, r.n)
    }),
  ])
}

// Medusa's Redis event bus (prefix = its class name) and Redis workflow engine (BullMQ's default prefix).
const QUEUES = [
  { name: "events-queue", prefix: "RedisEventBusService" },
  { name: "medusa-workflows", prefix: "bull" },
  { name: "medusa-workflows-jobs", prefix: "bull" },
]
const STATES = ["waiting", "active", "delayed", "prioritized", "failed"] as const
const QUEUES_KEY = Symbol.for("snail.observability.queues")

async function queueGauges(container: MedusaContainer) {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as any
  const url: string | undefined = config?.projectConfig?.redisUrl
  if (!url) return
  await guarded("queues", async () => {
    const g = globalThis as any
    g[QUEUES_KEY] ??= QUEUES.map((q) => ({
      name: q.name,
      queue: new Queue(q.name, { prefix: q.prefix, connection: { url, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true } as any }),
    }))
    for (const { name, queue } of g[QUEUES_KEY] as { name: string; queue: Queue }[]) {
      const counts = await withTimeout(queue.getJobCounts(...STATES), 2000)
      for (const state of STATES) metrics.queueJobs.set({ queue: name, state }, counts[state] ?? 0)
    }
  })
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
    }),
  ])
}
