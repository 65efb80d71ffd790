import { ownColumn, viaParent, type MerchantRlsTable } from "../../lib/merchant-rls"

/**
 * Row-level security of this module's tables (issue 20 §9; src/lib/merchant-rls.ts), put in place by
 * Migration20261207164510. Its own file: a migration file may export only its class.
 */
export const ORDER_LINES_RLS_TABLES: MerchantRlsTable[] = [
  // The merchant moves its lines (ship, accept, …) and each move records a transition of that line.
  { table: "order_line", owned: ownColumn("order_line"), privileges: ["SELECT", "UPDATE"] },
  { table: "order_line_transition", owned: viaParent("order_line_transition", "line_id", "order_line"), privileges: ["SELECT", "INSERT"] },
]
