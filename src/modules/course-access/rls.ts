import { ownColumn, type MerchantRlsTable } from "../../lib/merchant-rls"

/**
 * Row-level security of this module's tables (issue 20 §9; src/lib/merchant-rls.ts), put in place by
 * Migration20261207164530. Its own file: a migration file may export only its class.
 */
export const COURSE_ACCESS_RLS_TABLES: MerchantRlsTable[] = [
  { table: "course_lesson", owned: ownColumn("course_lesson"), privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"] },
  { table: "course_policy", owned: ownColumn("course_policy"), privileges: ["SELECT", "INSERT", "UPDATE"] },
  // Grants are made at payment; the merchant may revoke one of its own.
  { table: "course_grant", owned: ownColumn("course_grant"), privileges: ["SELECT", "UPDATE"] },
]
