import { sdk } from "./sdk"

// The audit trail API (docs/security.md, "Audit trail").
export type AuditEntry = {
  id: string
  seq: number
  actor_type: string
  actor_id: string | null
  action: string
  target_type: string | null
  target_id: string | null
  before: unknown
  after: unknown
  ip: string | null
  request_id: string | null
  created_at: string
  hash: string
}

export type AuditFilters = { q?: string; action?: string; actor_type?: string; target_id?: string; offset?: number }

export const auditApi = {
  search: (f: AuditFilters) =>
    sdk.client.fetch<{ entries: AuditEntry[]; count: number; limit: number; offset: number }>("/admin/audit", {
      query: Object.fromEntries(Object.entries({ ...f, limit: 50 }).filter(([, v]) => v !== undefined && v !== "")),
    }),
  verify: () => sdk.client.fetch<{ ok: boolean; rows: number; head: string; problems: { seq: number; problem: string }[] }>("/admin/audit/verify"),
}

export const ACTOR_WORDS: Record<string, string> = {
  user: "Platform admin",
  merchant: "Merchant staff",
  customer: "Customer",
  system: "System",
  "api-key": "API key",
  anonymous: "Anonymous",
}

const ACTION_WORDS: Record<string, string> = {
  "merchant.approve": "Merchant approved",
  "merchant.reject": "Merchant rejected",
  "merchant.suspend": "Merchant suspended",
  "order_line.transition": "Order line moved",
  "order_line.refund": "Order line refunded",
  "payout.paid": "Payout paid",
  "payout.failed": "Payout failed",
}

const PROBLEM_WORDS: Record<string, string> = {
  EDITED: "row was edited after it was written",
  MISSING_BEFORE: "rows are missing before this one",
  BROKEN_LINK: "does not link to the row before it",
}

/** Known actions in words; other changes are named by the request that made them. */
export function actionWords(action: string): string {
  if (ACTION_WORDS[action]) return ACTION_WORDS[action]
  const m = /^(POST|PUT|PATCH|DELETE) (.+)$/.exec(action)
  if (!m) return action
  const verb = { POST: "Change", PUT: "Change", PATCH: "Change", DELETE: "Deletion" }[m[1]]
  return `${verb} via ${m[2]}`
}

export function problemWords(problem: string): string {
  return PROBLEM_WORDS[problem] ?? problem
}
