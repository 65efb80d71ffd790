import { model } from "@medusajs/framework/utils"

/**
 * One run of a scheduled job (src/jobs), written by the job wrapper (src/observability/job-runs.ts).
 * Kept in the database rather than in process memory because the worker that runs jobs is not the
 * server Prometheus scrapes, and because "every job runs exactly once per tick" across instances is
 * only checkable from one shared record. Rows older than JOB_RUN_RETENTION_DAYS are pruned by the wrapper.
 */
export const JobRun = model
  .define("job_run", {
    id: model.id({ prefix: "jrun" }).primaryKey(),
    job_name: model.text(),
    /** host:pid/mode of the process that ran it. */
    instance: model.text(),
    status: model.enum(["running", "ok", "failed"]).default("running"),
    started_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
    error: model.text().nullable(),
  })
  .indexes([{ on: ["job_name", "started_at"] }, { on: ["status"] }])
