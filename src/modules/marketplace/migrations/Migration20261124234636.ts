import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124234636 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_account_check";`);

    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_account_check" check("account" in ('BUYER_CLEARING', 'MERCHANT_ESCROW', 'MERCHANT_AVAILABLE', 'PLATFORM_REVENUE', 'PLATFORM_SHIPPING', 'PLATFORM_VAT_PAYABLE', 'PAYOUTS_IN_TRANSIT', 'PAYOUTS_PAID'));`);

    this.addSql(`alter table if exists "order_split" add column if not exists "commission_vat" numeric not null default 0, add column if not exists "raw_commission_vat" jsonb not null default '{"value":"0","precision":20}';`);

    this.addSql(`alter table if exists "split_line" add column if not exists "commission_vat" numeric not null default 0, add column if not exists "raw_commission_vat" jsonb not null default '{"value":"0","precision":20}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_account_check";`);

    this.addSql(`alter table if exists "ledger_entry" add constraint "ledger_entry_account_check" check("account" in ('BUYER_CLEARING', 'MERCHANT_ESCROW', 'MERCHANT_AVAILABLE', 'PLATFORM_REVENUE', 'PLATFORM_SHIPPING', 'PAYOUTS_IN_TRANSIT', 'PAYOUTS_PAID'));`);

    this.addSql(`alter table if exists "order_split" drop column if exists "commission_vat", drop column if exists "raw_commission_vat";`);

    this.addSql(`alter table if exists "split_line" drop column if exists "commission_vat", drop column if exists "raw_commission_vat";`);
  }

}
