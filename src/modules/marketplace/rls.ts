import { ownColumn, viaParent, type MerchantRlsTable } from "../../lib/merchant-rls"

/**
 * Row-level security of this module's tables (issue 20 §9; src/lib/merchant-rls.ts). Its own file:
 * a migration file may export only its class.
 */
export { MERCHANT_RLS_ROLE } from "../../lib/merchant-rls"
/** The money tables snail_merchant may only read, scoped by a SELECT policy (Migration20261207124200). */
export const MERCHANT_RLS_TABLES = ["ledger_entry", "payout"] as const

/** The merchant's own records, under one policy for every command (Migration20261207164500). */
export const MARKETPLACE_RLS_TABLES: MerchantRlsTable[] = [
  // Its own row: profile, legal data and payout method; creating or removing merchants is the platform's.
  { table: "merchant", owned: ownColumn("merchant", "id"), privileges: ["SELECT", "UPDATE"] },
  { table: "merchant_user", owned: ownColumn("merchant_user"), privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"] },
  { table: "merchant_invite", owned: ownColumn("merchant_invite"), privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"] },
  // Money the platform computes: the merchant reads its own (platform-wide rules, merchant_id null, stay out).
  { table: "commission_rule", owned: ownColumn("commission_rule"), privileges: ["SELECT"] },
  { table: "order_split", owned: ownColumn("order_split"), privileges: ["SELECT"] },
  { table: "split_line", owned: ownColumn("split_line"), privileges: ["SELECT"] },
  // The operator resolves disputes; the merchant reads its own and answers in the thread.
  { table: "dispute", owned: ownColumn("dispute"), privileges: ["SELECT"] },
  { table: "dispute_message", owned: viaParent("dispute_message", "dispute_id", "dispute"), privileges: ["SELECT", "INSERT"] },
]
