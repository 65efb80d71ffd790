import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124213200 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_line" add column if not exists "refunded_amount" numeric not null default 0, add column if not exists "raw_refunded_amount" jsonb not null default '{"value":"0","precision":20}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "order_line" drop column if exists "refunded_amount", drop column if exists "raw_refunded_amount";`);
  }

}
