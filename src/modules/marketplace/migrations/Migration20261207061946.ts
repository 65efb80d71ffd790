import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207061946 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "promotion_funding" drop constraint if exists "promotion_funding_promotion_id_unique";`);
    this.addSql(`create table if not exists "promotion_funding" ("id" text not null, "promotion_id" text not null, "funded_by" text check ("funded_by" in ('platform', 'merchant')) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "promotion_funding_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_promotion_funding_promotion_id_unique" ON "promotion_funding" ("promotion_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promotion_funding_deleted_at" ON "promotion_funding" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_account_check";`);

    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_account_check" check("account" in ('BUYER_CLEARING', 'MERCHANT_ESCROW', 'MERCHANT_AVAILABLE', 'PLATFORM_REVENUE', 'PLATFORM_SHIPPING', 'PLATFORM_VAT_PAYABLE', 'PLATFORM_PROMOTIONS', 'PAYOUTS_IN_TRANSIT', 'PAYOUTS_PAID'));`);

    this.addSql(`alter table if exists "order_split" add column if not exists "platform_discount" numeric not null default 0, add column if not exists "raw_platform_discount" jsonb not null default '{"value":"0","precision":20}';`);

    this.addSql(`alter table if exists "split_line" add column if not exists "platform_discount" numeric not null default 0, add column if not exists "raw_platform_discount" jsonb not null default '{"value":"0","precision":20}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "promotion_funding" cascade;`);

    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_account_check";`);

    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_account_check" check("account" in ('BUYER_CLEARING', 'MERCHANT_ESCROW', 'MERCHANT_AVAILABLE', 'PLATFORM_REVENUE', 'PLATFORM_SHIPPING', 'PLATFORM_VAT_PAYABLE', 'PAYOUTS_IN_TRANSIT', 'PAYOUTS_PAID'));`);

    this.addSql(`alter table if exists "order_split" drop column if exists "platform_discount", drop column if exists "raw_platform_discount";`);

    this.addSql(`alter table if exists "split_line" drop column if exists "platform_discount", drop column if exists "raw_platform_discount";`);
  }

}
