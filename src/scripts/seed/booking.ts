import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BOOKING_MODULE } from "../../modules/booking"
import type BookingModuleService from "../../modules/booking/service"

type Container = ExecArgs["container"]

const POLICY = { free_cancel_hours: 24, cancel_fee_bps: 2000, reschedule_until_hours: 12, max_reschedules: 2 }
const WORKDAYS = "BYDAY=SU,MO,TU,WE,TH" // the UAE week

// Demo schedules of Desert Wellness's services (Asia/Dubai), keyed by variant SKU; a SKU not in the
// catalogue is skipped. Idempotent: a product (or variant) that has a schedule is left alone.
const DEMO_SCHEDULES: { sku: string; perVariant?: boolean; rule: Record<string, unknown> }[] = [
  { sku: "SVC-HAIRCUT-45", rule: { rrule: `FREQ=WEEKLY;${WORKDAYS};BYHOUR=10;BYMINUTE=0;BYSECOND=0`, window_minutes: 480, slot_minutes: 45, buffer_minutes: 15, capacity: 1, auto_confirm: true } },
  { sku: "SVC-YOGA-60", perVariant: true, rule: { rrule: "FREQ=WEEKLY;BYDAY=MO,WE,SA;BYHOUR=7,18;BYMINUTE=0;BYSECOND=0", window_minutes: 120, slot_minutes: 60, buffer_minutes: 0, capacity: 1, auto_confirm: true } },
  { sku: "SVC-YOGA-90", perVariant: true, rule: { rrule: "FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=17;BYMINUTE=0;BYSECOND=0", window_minutes: 180, slot_minutes: 90, buffer_minutes: 0, capacity: 1, auto_confirm: true } },
  { sku: "SVC-TAX-30", rule: { rrule: `FREQ=WEEKLY;${WORKDAYS};BYHOUR=14;BYMINUTE=0;BYSECOND=0`, window_minutes: 240, slot_minutes: 30, buffer_minutes: 0, capacity: 2, auto_confirm: true } },
  { sku: "SVC-PHOTO-60", rule: { rrule: "FREQ=WEEKLY;BYDAY=FR,SA;BYHOUR=11,15;BYMINUTE=0;BYSECOND=0", window_minutes: 60, slot_minutes: 60, buffer_minutes: 0, capacity: 1, auto_confirm: false } },
]

export async function seedBookingSchedules(container: Container) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const booking: BookingModuleService = container.resolve(BOOKING_MODULE)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "product_id", "product.product_kind.kind", "product.merchant.id", "product.merchant.handle"],
    filters: { sku: DEMO_SCHEDULES.map((s) => s.sku) },
  })
  let created = 0
  for (const demo of DEMO_SCHEDULES) {
    const v: any = variants.find((x: any) => x.sku === demo.sku)
    if (!v || v.product?.product_kind?.kind !== "SERVICE" || v.product?.merchant?.handle !== "desert-wellness") continue
    const variant_id = demo.perVariant ? v.id : null
    if ((await booking.listSchedules({ product_id: v.product_id, variant_id })).length) continue
    await booking.createSchedules({
      product_id: v.product_id, variant_id, merchant_id: v.product.merchant.id, timezone: "Asia/Dubai",
      horizon_days: 60, min_notice_minutes: 120, ...POLICY, ...demo.rule,
    } as any)
    created++
  }
  if (created) container.resolve(ContainerRegistrationKeys.LOGGER).info(`Seeded ${created} booking schedule(s) for Desert Wellness`)
}
