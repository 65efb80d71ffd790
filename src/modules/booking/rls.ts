import { ownColumn, type MerchantRlsTable } from "../../lib/merchant-rls"

/**
 * Row-level security of this module's tables (issue 20 §9; src/lib/merchant-rls.ts), put in place by
 * Migration20261207164520. Its own file: a migration file may export only its class.
 */
export const BOOKING_RLS_TABLES: MerchantRlsTable[] = [
  { table: "booking_schedule", owned: ownColumn("booking_schedule"), privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"] },
  // Holds and bookings of its slots: the merchant confirms, cancels and reschedules them.
  { table: "booking", owned: ownColumn("booking"), privileges: ["SELECT", "INSERT", "UPDATE"] },
  { table: "booking_calendar_feed", owned: ownColumn("booking_calendar_feed"), privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"] },
]
