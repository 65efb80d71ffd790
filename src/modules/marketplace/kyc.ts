import type { KycStatus } from "./models/merchant"

export type KycAction = "approve" | "reject" | "suspend"

// Who may become what: a rejected applicant can still be approved later (after fixing documents),
// a suspended merchant is reinstated by approving it again.
const TRANSITIONS: Record<KycAction, { from: KycStatus[]; to: KycStatus }> = {
  approve: { from: ["PENDING", "REJECTED", "SUSPENDED"], to: "APPROVED" },
  reject: { from: ["PENDING"], to: "REJECTED" },
  suspend: { from: ["APPROVED"], to: "SUSPENDED" },
}

/** The status an action leads to from `current`, or null when the move is not allowed. */
export function nextKycStatus(current: KycStatus, action: KycAction): KycStatus | null {
  const t = TRANSITIONS[action]
  return t.from.includes(current) ? t.to : null
}
