import { Migration } from "@medusajs/framework/mikro-orm/migrations";

// Issue 22 §3: the schedule editor keeps the weekly grid its rule was built from, so it can be shown again.
export class Migration20261207125400 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "booking_schedule" add column if not exists "weekly_hours" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "booking_schedule" drop column if exists "weekly_hours";`);
  }

}
