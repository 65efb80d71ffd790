import { Migration } from "@medusajs/framework/mikro-orm/migrations";

// Issue 16 §4: how a SERVICE is sold — by time slot or by appointment (null: decided by whether it has a schedule).
export class Migration20261207093000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "product_kind" add column if not exists "booking_mode" text check ("booking_mode" in ('slots', 'by_appointment')) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "product_kind" drop column if exists "booking_mode";`);
  }

}
