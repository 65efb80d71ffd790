import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PersonalStrings } from "./erase-customer-traces"

/**
 * Copies of the customer Medusa keeps where its modules offer no way to edit them:
 * - a payment session's `context.customer` (profile and addresses handed to the payment provider when the
 *   session was created; the payment itself keeps its provider data) — the key is removed;
 * - finished workflow executions Medusa retains (checkout keeps `complete-cart` three days for replays)
 *   whose stored input or step results hold the person's e-mail, phone or name — deleted; running ones
 *   are left alone.
 * Plain SQL on Medusa's tables, on purpose and only these two. No compensation: nothing that could still
 * fail runs after it except the sign-in removal, which has none either.
 */
export const eraseMedusaCopiesStep = createStep(
  "erase-medusa-copies",
  async (p: PersonalStrings, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const pg: any = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const { data: carts } = await query.graph({ entity: "cart", fields: ["id", "payment_collection.payment_sessions.id"], filters: { customer_id: p.customer_id } })
    const sessionIds = carts.flatMap((c: any) => c.payment_collection?.payment_sessions ?? []).map((s: any) => s?.id).filter(Boolean)
    let sessions = 0
    if (sessionIds.length) {
      const res = await pg.raw(`UPDATE "payment_session" SET "context" = "context" - 'customer' WHERE "id" = ANY(?) AND "context" -> 'customer' IS NOT NULL`, [sessionIds])
      sessions = res.rowCount ?? 0
    }
    const needles = [p.email, p.phone, [p.first_name, p.last_name].filter(Boolean).join(" ") || null]
      .filter((n): n is string => !!n && n.trim().length >= 3).map((n) => `%${n.toLowerCase()}%`)
    let executions = 0
    if (needles.length) {
      const res = await pg.raw(
        `DELETE FROM "workflow_execution" t WHERE t."state" IN ('done', 'reverted', 'failed') AND lower(t::text) LIKE ANY(?)`, [needles]
      )
      executions = res.rowCount ?? 0
    }
    return new StepResponse({ payment_sessions: sessions, workflow_executions: executions })
  }
)
