import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// A member's own language (issue 22): merchant e-mails go to each member in it, else in the shop's default_locale.
export class Migration20261207230000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "merchant_user" add column if not exists "locale" text null check ("locale" in ('en', 'ru', 'ar'));`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "merchant_user" drop column if exists "locale";`)
  }
}
