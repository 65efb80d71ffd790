import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// Issue 16: each line knows the Medusa fulfilment (and return) its moves drive (created on start of fulfilment,
// confirmation or access grant; shipped, delivered or cancelled with the line).
export class Migration20261207100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_line" add column if not exists "fulfillment_id" text null;`)
    this.addSql(`alter table if exists "order_line" add column if not exists "return_id" text null;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_line_fulfillment_id" ON "order_line" ("fulfillment_id") WHERE deleted_at IS NULL AND fulfillment_id IS NOT NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_order_line_fulfillment_id";`)
    this.addSql(`alter table if exists "order_line" drop column if exists "fulfillment_id";`)
    this.addSql(`alter table if exists "order_line" drop column if exists "return_id";`)
  }
}
