import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AUDITED_EVENTS, auditEntryForEvent } from "../lib/audit/money-events"
import { recordAuditWorkflow } from "../workflows/audit/record-audit"

// Line moves, refunds and payouts into the audit trail with before → after (docs/security.md, audit trail).
export default async function auditMoneyEvents({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  const entry = auditEntryForEvent(event.name, event.data)
  if (entry) await recordAuditWorkflow(container).run({ input: entry })
}

export const config: SubscriberConfig = { event: AUDITED_EVENTS, context: { subscriberId: "audit-money-events" } }
