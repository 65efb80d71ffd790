import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ruleProblem } from "../../lib/booking/slots"
import { SnailError } from "../../lib/snail-error"
import { reprojectSoon } from "../search/indexer"
import { bookingService } from "./schedules"

/** Creates the schedule of a SERVICE product (or one of its variants). 422 NOT_A_SERVICE, 409 SCHEDULE_EXISTS. */
export async function createSchedule(container: MedusaContainer, input: Record<string, any> & { product_id: string; variant_id?: string | null }) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [product] } = await query.graph({
    entity: "product", fields: ["id", "product_kind.kind", "merchant.id", "variants.id"], filters: { id: input.product_id },
  })
  if (!product) throw new SnailError(404, "NOT_FOUND", `Product ${input.product_id} not found`)
  if ((product as any).product_kind?.kind !== "SERVICE") throw new SnailError(422, "NOT_A_SERVICE", "Only SERVICE products have booking schedules", "product_id")
  if (input.variant_id && !((product as any).variants ?? []).some((v: any) => v?.id === input.variant_id)) {
    throw new SnailError(404, "NOT_FOUND", `Variant ${input.variant_id} not found`, "variant_id")
  }
  assertRuleInZone(input.rrule, input.timezone)
  const service = bookingService(container)
  const existing = await service.listSchedules({ product_id: input.product_id, variant_id: input.variant_id ?? null })
  if (existing.length) throw new SnailError(409, "SCHEDULE_EXISTS", "This product already has a schedule: update it instead", "product_id")
  const { merchant_id: _ignored, ...fields } = input
  const schedule = await service.createSchedules({ ...fields, variant_id: input.variant_id ?? null, merchant_id: (product as any).merchant?.id ?? null } as any)
  // A `slots` service becomes sellable with its schedule: store listings read that off the search projection.
  await reprojectSoon(container, [input.product_id], "schedule.created")
  return schedule
}

export async function updateSchedule(container: MedusaContainer, id: string, fields: Record<string, any>) {
  const { merchant_id: _ignored, ...rest } = fields
  if (rest.rrule !== undefined || rest.timezone !== undefined) {
    const current = await bookingService(container).retrieveSchedule(id)
    assertRuleInZone(rest.rrule ?? current.rrule, rest.timezone ?? current.timezone)
  }
  return bookingService(container).updateSchedules({ id, ...rest } as any)
}

/**
 * The validators read the rule in UTC; a rule without TZID is local to the schedule's zone, where
 * its first date may fall in a spring-forward gap (e.g. 02:30 on a day clocks jump 02:00 → 03:00).
 */
function assertRuleInZone(rrule: string, timezone: string) {
  const problem = ruleProblem(rrule, timezone)
  if (problem) throw new SnailError(400, "INVALID_SCHEDULE", problem, "rrule")
}
