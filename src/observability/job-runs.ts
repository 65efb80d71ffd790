import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import os from "node:os"
import { metrics } from "./metrics"
import { trackJob } from "./shutdown"

const INSTANCE = `${os.hostname()}:${process.pid}/${process.env.MEDUSA_WORKER_MODE || "shared"}`
const PRUNE_EVERY = 100
let runsSincePrune = 0

/**
 * Wraps a scheduled job (src/jobs/*): each run is written to the shared job_run journal (start,
 * outcome, which instance), counted in this process's metrics, and tracked so a SIGTERM lets it
 * finish. Recording never stops the job: a journal write that fails is logged and the job still runs.
 */
export function observedJob(name: string, job: (container: MedusaContainer) => Promise<void>) {
  return async function observed(container: MedusaContainer): Promise<void> {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const ops = resolveOps(container)
    let runId: string | undefined
    try {
      runId = (await ops?.createJobRuns({ job_name: name, instance: INSTANCE, status: "running", started_at: new Date() }))?.id
    } catch (e: any) {
      logger.warn(`Job ${name}: could not record its start (${e?.message})`)
    }
    const run = trackJob(job(container))
    let error: unknown
    try {
      await run
    } catch (e) {
      error = e
    }
    metrics.jobRuns.inc({ job: name, status: error ? "failed" : "ok" })
    if (runId) {
      await ops
        .updateJobRuns({ id: runId, status: error ? "failed" : "ok", finished_at: new Date(), error: error ? String((error as any)?.message ?? error).slice(0, 2000) : null })
        .catch((e: any) => logger.warn(`Job ${name}: could not record its end (${e?.message})`))
    }
    if (++runsSincePrune >= PRUNE_EVERY) {
      runsSincePrune = 0
      await prune(container).catch(() => undefined)
    }
    if (error) throw error
  }
}

function resolveOps(container: MedusaContainer): any {
  try {
    return container.resolve("ops")
  } catch {
    return undefined
  }
}

async function prune(container: MedusaContainer) {
  const days = Math.max(1, Number(process.env.JOB_RUN_RETENTION_DAYS || 7))
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  await pg.raw(`delete from job_run where started_at < now() - make_interval(days => ?)`, [days])
}
