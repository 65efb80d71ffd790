import type { MedusaContainer } from "@medusajs/framework/types"
import { ALL_PROCESSES } from "../../lib/line-process/definitions"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"
import { transitionOrderLineWorkflow } from "./transition-order-line"

/** Delays of timed transitions, overridable per environment (LINE_RESERVATION_TTL_MS, LINE_AUTO_CLOSE_MS). */
export function lineTimerSettings(env: Record<string, string | undefined> = process.env): Record<string, number | undefined> {
  const ms = (v?: string) => (v && /^\d+$/.test(v) ? Number(v) : undefined)
  return { RESERVATION_TTL_MS: ms(env.LINE_RESERVATION_TTL_MS), AUTO_CLOSE_MS: ms(env.LINE_AUTO_CLOSE_MS) }
}

/**
 * Fires every timed transition that is due (reservation expiry, auto-close), as the system.
 * Each line moves in its own workflow, so one failure does not hold back the others, and the
 * optimistic lock makes two overlapping runs harmless.
 */
export async function runDueLineTimers(container: MedusaContainer, now = new Date(), settings = lineTimerSettings()) {
  const service: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  const moved: string[] = []
  const failed: { id: string; error: string }[] = []
  for (const def of ALL_PROCESSES) {
    for (const timer of def.timed) {
      const delay = settings[timer.after.setting] ?? timer.after.defaultMs
      const due = await service.listOrderLines(
        { kind: def.kind, process_version: def.version, state: timer.from, state_entered_at: { $lte: new Date(now.getTime() - delay) } } as any,
        { take: 500, order: { state_entered_at: "ASC" } }
      )
      for (const line of due) {
        try {
          await transitionOrderLineWorkflow(container).run({
            input: { line_id: line.id, to: timer.to, actor_type: "system", reason: `timer: ${timer.name}` },
          })
          moved.push(line.id)
        } catch (e: any) {
          failed.push({ id: line.id, error: e?.message ?? String(e) })
        }
      }
    }
  }
  return { moved, failed }
}
