import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { merchantRlsDownSql, merchantRlsUpSql } from "../../../lib/merchant-rls"
import { MARKETPLACE_RLS_TABLES } from "../rls"

/**
 * Row-level security beyond the money tables (issue 20 §9): the merchant row, its staff and invites,
 * its commission rules, splits and disputes. As `snail_merchant` with app.merchant_id set, only that
 * merchant's rows are visible or writable; without the setting, none. The owning role (admin, jobs,
 * workflows) is not subject to the policies.
 */
export class Migration20261207164500 extends Migration {
  override async up(): Promise<void> {
    for (const sql of merchantRlsUpSql(MARKETPLACE_RLS_TABLES)) this.addSql(sql)
  }

  override async down(): Promise<void> {
    for (const sql of merchantRlsDownSql(MARKETPLACE_RLS_TABLES)) this.addSql(sql)
  }
}
