import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124231524 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "vat_treatment_rule" drop constraint if exists "vat_treatment_rule_match_type_match_value_unique";`);
    this.addSql(`alter table if exists "vat_exchange_rate" drop constraint if exists "vat_exchange_rate_currency_code_unique";`);
    this.addSql(`alter table if exists "vat_document_sequence" drop constraint if exists "vat_document_sequence_supplier_id_series_unique";`);
    this.addSql(`alter table if exists "tax_invoice" drop constraint if exists "tax_invoice_order_id_supplier_id_unique";`);
    this.addSql(`alter table if exists "tax_invoice" drop constraint if exists "tax_invoice_number_unique";`);
    this.addSql(`alter table if exists "credit_note" drop constraint if exists "credit_note_number_unique";`);
    this.addSql(`create table if not exists "credit_note" ("id" text not null, "number" text not null, "sequence" integer not null, "invoice_id" text not null, "invoice_number" text not null, "order_id" text not null, "supplier_id" text not null, "currency_code" text not null, "reason" text null, "issued_at" timestamptz not null, "exchange_rate" text null, "taxable_minor" numeric not null, "vat_minor" numeric not null, "total_minor" numeric not null, "vat_aed_minor" numeric not null, "total_aed_minor" numeric not null, "raw_taxable_minor" jsonb not null, "raw_vat_minor" jsonb not null, "raw_total_minor" jsonb not null, "raw_vat_aed_minor" jsonb not null, "raw_total_aed_minor" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "credit_note_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_credit_note_deleted_at" ON "credit_note" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_credit_note_number_unique" ON "credit_note" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_credit_note_invoice_id" ON "credit_note" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_credit_note_supplier_id_issued_at" ON "credit_note" ("supplier_id", "issued_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "credit_note_line" ("id" text not null, "line_item_id" text not null, "order_line_id" text null, "description" text not null, "treatment" text check ("treatment" in ('STANDARD', 'ZERO_RATED', 'EXEMPT', 'OUT_OF_SCOPE')) not null, "rate_bps" integer not null, "taxable_minor" numeric not null, "vat_minor" numeric not null, "total_minor" numeric not null, "credit_note_id" text not null, "raw_taxable_minor" jsonb not null, "raw_vat_minor" jsonb not null, "raw_total_minor" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "credit_note_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_credit_note_line_credit_note_id" ON "credit_note_line" ("credit_note_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_credit_note_line_deleted_at" ON "credit_note_line" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "tax_invoice" ("id" text not null, "number" text not null, "sequence" integer not null, "kind" text check ("kind" in ('SIMPLIFIED', 'FULL')) not null, "order_id" text not null, "order_display_id" text null, "customer_id" text null, "supplier_id" text not null, "supplier" jsonb not null, "recipient" jsonb not null, "currency_code" text not null, "tax_inclusive" boolean not null default false, "issued_at" timestamptz not null, "supply_date" timestamptz not null, "exchange_rate" text null, "exchange_rate_source" text null, "exchange_rate_at" timestamptz null, "discount_minor" numeric not null default 0, "taxable_minor" numeric not null, "vat_minor" numeric not null, "total_minor" numeric not null, "standard_minor" numeric not null default 0, "zero_rated_minor" numeric not null default 0, "exempt_minor" numeric not null default 0, "out_of_scope_minor" numeric not null default 0, "vat_aed_minor" numeric not null, "total_aed_minor" numeric not null, "raw_discount_minor" jsonb not null default '{"value":"0","precision":20}', "raw_taxable_minor" jsonb not null, "raw_vat_minor" jsonb not null, "raw_total_minor" jsonb not null, "raw_standard_minor" jsonb not null default '{"value":"0","precision":20}', "raw_zero_rated_minor" jsonb not null default '{"value":"0","precision":20}', "raw_exempt_minor" jsonb not null default '{"value":"0","precision":20}', "raw_out_of_scope_minor" jsonb not null default '{"value":"0","precision":20}', "raw_vat_aed_minor" jsonb not null, "raw_total_aed_minor" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "tax_invoice_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_invoice_deleted_at" ON "tax_invoice" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tax_invoice_number_unique" ON "tax_invoice" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tax_invoice_order_id_supplier_id_unique" ON "tax_invoice" ("order_id", "supplier_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_invoice_supplier_id_issued_at" ON "tax_invoice" ("supplier_id", "issued_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "tax_invoice_line" ("id" text not null, "line_item_id" text not null, "description" text not null, "quantity" integer not null, "unit_price_minor" numeric not null, "discount_minor" numeric not null default 0, "taxable_minor" numeric not null, "treatment" text check ("treatment" in ('STANDARD', 'ZERO_RATED', 'EXEMPT', 'OUT_OF_SCOPE')) not null, "treatment_reason" text null, "rate_bps" integer not null, "vat_minor" numeric not null, "total_minor" numeric not null, "invoice_id" text not null, "raw_unit_price_minor" jsonb not null, "raw_discount_minor" jsonb not null default '{"value":"0","precision":20}', "raw_taxable_minor" jsonb not null, "raw_vat_minor" jsonb not null, "raw_total_minor" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "tax_invoice_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_invoice_line_invoice_id" ON "tax_invoice_line" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_invoice_line_deleted_at" ON "tax_invoice_line" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "vat_document_sequence" ("id" text not null, "supplier_id" text not null, "series" text not null, "last_value" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vat_document_sequence_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vat_document_sequence_deleted_at" ON "vat_document_sequence" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_vat_document_sequence_supplier_id_series_unique" ON "vat_document_sequence" ("supplier_id", "series") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "vat_exchange_rate" ("id" text not null, "currency_code" text not null, "aed_per_unit" text not null, "source" text not null default 'admin', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vat_exchange_rate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vat_exchange_rate_deleted_at" ON "vat_exchange_rate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_vat_exchange_rate_currency_code_unique" ON "vat_exchange_rate" ("currency_code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "vat_treatment_rule" ("id" text not null, "match_type" text check ("match_type" in ('category', 'product_type', 'product_kind')) not null, "match_value" text not null, "treatment" text check ("treatment" in ('STANDARD', 'ZERO_RATED', 'EXEMPT', 'OUT_OF_SCOPE')) not null, "priority" integer not null default 0, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vat_treatment_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vat_treatment_rule_deleted_at" ON "vat_treatment_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_vat_treatment_rule_match_type_match_value_unique" ON "vat_treatment_rule" ("match_type", "match_value") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "credit_note_line" add constraint "credit_note_line_credit_note_id_foreign" foreign key ("credit_note_id") references "credit_note" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "tax_invoice_line" add constraint "tax_invoice_line_invoice_id_foreign" foreign key ("invoice_id") references "tax_invoice" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "credit_note_line" drop constraint if exists "credit_note_line_credit_note_id_foreign";`);

    this.addSql(`alter table if exists "tax_invoice_line" drop constraint if exists "tax_invoice_line_invoice_id_foreign";`);

    this.addSql(`drop table if exists "credit_note" cascade;`);

    this.addSql(`drop table if exists "credit_note_line" cascade;`);

    this.addSql(`drop table if exists "tax_invoice" cascade;`);

    this.addSql(`drop table if exists "tax_invoice_line" cascade;`);

    this.addSql(`drop table if exists "vat_document_sequence" cascade;`);

    this.addSql(`drop table if exists "vat_exchange_rate" cascade;`);

    this.addSql(`drop table if exists "vat_treatment_rule" cascade;`);
  }

}
