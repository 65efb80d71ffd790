import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124231736 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "split_line" drop constraint if exists "split_line_order_line_id_unique";`);
    this.addSql(`alter table if exists "reconciliation_mismatch" drop constraint if exists "reconciliation_mismatch_run_date_kind_payment_id_unique";`);
    this.addSql(`alter table if exists "payout" drop constraint if exists "payout_batch_id_merchant_id_currency_code_unique";`);
    this.addSql(`alter table if exists "payout_batch" drop constraint if exists "payout_batch_run_key_unique";`);
    this.addSql(`alter table if exists "order_split" drop constraint if exists "order_split_order_id_merchant_id_unique";`);
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_journal_key_seq_unique";`);
    this.addSql(`alter table if exists "dispute" drop constraint if exists "dispute_order_line_id_unique";`);
    this.addSql(`create table if not exists "commission_rule" ("id" text not null, "merchant_id" text null, "product_kind" text null, "category_id" text null, "rate_bps" integer not null, "fixed_fee_minor" integer not null default 0, "fixed_fee_currency" text null, "valid_from" timestamptz null, "valid_to" timestamptz null, "refund_reverses_commission" boolean not null default true, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commission_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_rule_deleted_at" ON "commission_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_rule_merchant_id" ON "commission_rule" ("merchant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "dispute" ("id" text not null, "order_id" text not null, "order_line_id" text not null, "merchant_id" text null, "customer_id" text not null, "reason" text check ("reason" in ('NOT_RECEIVED', 'NOT_AS_DESCRIBED', 'DAMAGED', 'SERVICE_NOT_PROVIDED', 'ACCESS_PROBLEM', 'OTHER')) not null, "status" text check ("status" in ('OPEN', 'RESOLVED_REFUND', 'REJECTED')) not null default 'OPEN', "currency_code" text not null, "refund_amount" numeric null, "resolution_note" text null, "resolved_by" text null, "resolved_at" timestamptz null, "raw_refund_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "dispute_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_dispute_deleted_at" ON "dispute" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_dispute_order_line_id_unique" ON "dispute" ("order_line_id") WHERE status = 'OPEN' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_dispute_merchant_id_status" ON "dispute" ("merchant_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_dispute_customer_id" ON "dispute" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "dispute_message" ("id" text not null, "author_type" text check ("author_type" in ('buyer', 'merchant', 'admin')) not null, "author_id" text not null, "body" text not null, "dispute_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "dispute_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_dispute_message_dispute_id" ON "dispute_message" ("dispute_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_dispute_message_deleted_at" ON "dispute_message" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "ledger_entry" ("id" text not null, "journal_key" text not null, "seq" integer not null, "kind" text check ("kind" in ('capture', 'refund', 'release', 'shipping_capture', 'payout', 'payout_paid', 'payout_failed')) not null, "account" text check ("account" in ('BUYER_CLEARING', 'MERCHANT_ESCROW', 'MERCHANT_AVAILABLE', 'PLATFORM_REVENUE', 'PLATFORM_SHIPPING', 'PAYOUTS_IN_TRANSIT', 'PAYOUTS_PAID')) not null, "merchant_id" text null, "currency_code" text not null, "amount" numeric not null, "order_id" text null, "order_line_id" text null, "payout_id" text null, "dispute_id" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ledger_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_deleted_at" ON "ledger_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ledger_entry_journal_key_seq_unique" ON "ledger_entry" ("journal_key", "seq") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_merchant_id_account_currency_code" ON "ledger_entry" ("merchant_id", "account", "currency_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_order_line_id" ON "ledger_entry" ("order_line_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_order_id" ON "ledger_entry" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_split" ("id" text not null, "order_id" text not null, "merchant_id" text null, "currency_code" text not null, "gross" numeric not null, "discount" numeric not null, "tax" numeric not null, "commission" numeric not null, "net" numeric not null, "raw_gross" jsonb not null, "raw_discount" jsonb not null, "raw_tax" jsonb not null, "raw_commission" jsonb not null, "raw_net" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_split_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_split_deleted_at" ON "order_split" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_split_order_id_merchant_id_unique" ON "order_split" ("order_id", "merchant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_split_merchant_id" ON "order_split" ("merchant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payout_batch" ("id" text not null, "run_key" text not null, "trigger" text check ("trigger" in ('schedule', 'admin')) not null, "triggered_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payout_batch_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payout_batch_run_key_unique" ON "payout_batch" ("run_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_batch_deleted_at" ON "payout_batch" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payout" ("id" text not null, "merchant_id" text not null, "currency_code" text not null, "amount" numeric not null, "status" text check ("status" in ('PENDING', 'PAID', 'FAILED')) not null default 'PENDING', "provider" text not null, "provider_reference" text null, "failure_reason" text null, "settled_at" timestamptz null, "batch_id" text not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payout_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_batch_id" ON "payout" ("batch_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_deleted_at" ON "payout" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payout_batch_id_merchant_id_currency_code_unique" ON "payout" ("batch_id", "merchant_id", "currency_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_merchant_id" ON "payout" ("merchant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_status" ON "payout" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "reconciliation_mismatch" ("id" text not null, "run_date" text not null, "payment_id" text null, "provider_reference" text null, "kind" text check ("kind" in ('capture', 'refund', 'missing_at_provider', 'missing_in_books', 'ledger')) not null, "currency_code" text not null, "ours" numeric not null, "theirs" numeric not null, "detail" text not null, "status" text check ("status" in ('OPEN', 'ACKNOWLEDGED')) not null default 'OPEN', "raw_ours" jsonb not null, "raw_theirs" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "reconciliation_mismatch_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reconciliation_mismatch_deleted_at" ON "reconciliation_mismatch" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_reconciliation_mismatch_run_date_kind_payment_id_unique" ON "reconciliation_mismatch" ("run_date", "kind", "payment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reconciliation_mismatch_status" ON "reconciliation_mismatch" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "split_line" ("id" text not null, "order_id" text not null, "order_line_id" text not null, "line_item_id" text not null, "merchant_id" text null, "kind" text not null, "currency_code" text not null, "subtotal" numeric not null, "discount" numeric not null, "tax" numeric not null, "gross" numeric not null, "commission" numeric not null, "net" numeric not null, "rule_id" text not null, "rate_bps" integer not null, "fixed_fee_minor" integer not null default 0, "refund_reverses_commission" boolean not null default true, "release_after" timestamptz null, "released_at" timestamptz null, "split_id" text not null, "raw_subtotal" jsonb not null, "raw_discount" jsonb not null, "raw_tax" jsonb not null, "raw_gross" jsonb not null, "raw_commission" jsonb not null, "raw_net" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "split_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_split_line_order_line_id_unique" ON "split_line" ("order_line_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_split_line_split_id" ON "split_line" ("split_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_split_line_deleted_at" ON "split_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_split_line_release_after_released_at" ON "split_line" ("release_after", "released_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_split_line_merchant_id" ON "split_line" ("merchant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "dispute_message" add constraint "dispute_message_dispute_id_foreign" foreign key ("dispute_id") references "dispute" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "payout" add constraint "payout_batch_id_foreign" foreign key ("batch_id") references "payout_batch" ("id") on update cascade;`);

    this.addSql(`alter table if exists "split_line" add constraint "split_line_split_id_foreign" foreign key ("split_id") references "order_split" ("id") on update cascade on delete cascade;`);

    // The ledger is append-only: corrections are new journals, never edits.
    this.addSql(`CREATE OR REPLACE FUNCTION "ledger_entry_append_only"() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'ledger_entry is append-only (% refused)', TG_OP; END; $$ LANGUAGE plpgsql;`);
    this.addSql(`CREATE TRIGGER "ledger_entry_append_only" BEFORE UPDATE OR DELETE ON "ledger_entry" FOR EACH ROW EXECUTE FUNCTION "ledger_entry_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TRIGGER IF EXISTS "ledger_entry_append_only" ON "ledger_entry";`);
    this.addSql(`DROP FUNCTION IF EXISTS "ledger_entry_append_only"();`);
    this.addSql(`alter table if exists "dispute_message" drop constraint if exists "dispute_message_dispute_id_foreign";`);

    this.addSql(`alter table if exists "split_line" drop constraint if exists "split_line_split_id_foreign";`);

    this.addSql(`alter table if exists "payout" drop constraint if exists "payout_batch_id_foreign";`);

    this.addSql(`drop table if exists "commission_rule" cascade;`);

    this.addSql(`drop table if exists "dispute" cascade;`);

    this.addSql(`drop table if exists "dispute_message" cascade;`);

    this.addSql(`drop table if exists "ledger_entry" cascade;`);

    this.addSql(`drop table if exists "order_split" cascade;`);

    this.addSql(`drop table if exists "payout_batch" cascade;`);

    this.addSql(`drop table if exists "payout" cascade;`);

    this.addSql(`drop table if exists "reconciliation_mismatch" cascade;`);

    this.addSql(`drop table if exists "split_line" cascade;`);
  }

}
