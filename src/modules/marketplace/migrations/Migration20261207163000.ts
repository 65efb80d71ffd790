import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// The merchant's registered (legal) address, edited from the dashboard's settings (issue 22 §7).
// Stored sealed like the tax ids (sensitive-columns.ts): a sole trader's legal address is a home address.
export class Migration20261207163000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "merchant" add column if not exists "legal_address" text null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "merchant" drop column if exists "legal_address";`)
  }
}
