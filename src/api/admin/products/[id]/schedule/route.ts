import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../lib/snail-error"
import { createSchedule, updateSchedule } from "../../../../../workflows/booking/schedule-admin"
import { bookingService } from "../../../../../workflows/booking/schedules"
import { reprojectSoon } from "../../../../../workflows/search/indexer"
import { CreateSchedule } from "../../../../booking/validators"

const productSchedule = async (req: MedusaRequest) =>
  (await bookingService(req.scope).listSchedules({ product_id: req.params.id, variant_id: null }))[0] ?? null

/** GET /admin/products/:id/schedule — the product-wide schedule (null when none). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ schedule: await productSchedule(req) })
}

/** POST /admin/products/:id/schedule — create (all required fields) or update the product-wide schedule. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = (req as any).validatedBody ?? {}
  const existing = await productSchedule(req)
  if (existing) return res.json({ schedule: await updateSchedule(req.scope, existing.id, body) })
  const parsed = CreateSchedule.safeParse({ ...body, product_id: req.params.id })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new SnailError(400, "INVALID_SCHEDULE", `${issue.path.join(".")}: ${issue.message}`, issue.path.join("."))
  }
  res.status(201).json({ schedule: await createSchedule(req.scope, parsed.data) })
}

export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const existing = await productSchedule(req)
  if (!existing) throw new SnailError(404, "NOT_FOUND", "This product has no schedule")
  await bookingService(req.scope).softDeleteSchedules(existing.id)
  await reprojectSoon(req.scope, [req.params.id], "schedule.deleted")
  res.json({ id: existing.id, object: "schedule", deleted: true })
}
