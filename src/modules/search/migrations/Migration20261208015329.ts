import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { SEARCH_LISTING_SQL } from "../schema-sql"

// Store listings page and count by (currency, product id) off the projection (schema-sql.ts).
export class Migration20261208015329 extends Migration {
  override async up(): Promise<void> {
    for (const statement of SEARCH_LISTING_SQL) this.addSql(statement)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_search_document_currency_product"`)
  }
}
