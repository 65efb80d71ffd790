import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { merchantRlsDownSql, merchantRlsUpSql } from "../../../lib/merchant-rls"
import { BOOKING_RLS_TABLES } from "../rls"

/**
 * Row-level security on the merchant's schedules, bookings and calendar feed (issue 20 §9): as `snail_merchant` with
 * app.merchant_id set, only that merchant's rows are visible or writable; without the setting, none.
 * The owning role (admin, store, jobs, workflows) is not subject to the policies.
 */
export class Migration20261207164520 extends Migration {
  override async up(): Promise<void> {
    for (const sql of merchantRlsUpSql(BOOKING_RLS_TABLES)) this.addSql(sql)
  }

  override async down(): Promise<void> {
    for (const sql of merchantRlsDownSql(BOOKING_RLS_TABLES)) this.addSql(sql)
  }
}
