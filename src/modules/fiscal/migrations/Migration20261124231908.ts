import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124231908 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "fiscal_receipt" drop constraint if exists "fiscal_receipt_idempotency_key_unique";`);
    this.addSql(`alter table if exists "fiscal_credential" drop constraint if exists "fiscal_credential_owner_unique";`);
    this.addSql(`create table if not exists "fiscal_credential" ("id" text not null, "owner" text not null, "provider_id" text not null, "settings" jsonb not null, "secrets" text not null, "is_active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fiscal_credential_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fiscal_credential_owner_unique" ON "fiscal_credential" ("owner") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fiscal_credential_deleted_at" ON "fiscal_credential" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "fiscal_receipt" ("id" text not null, "order_id" text not null, "issuer" text not null, "provider_id" text not null, "operation" text check ("operation" in ('sell', 'sell_refund', 'sell_correction')) not null, "settlement" text check ("settlement" in ('prepayment', 'payment', 'refund', 'correction')) not null, "idempotency_key" text not null, "external_id" text not null, "status" text check ("status" in ('PENDING', 'SENT', 'DONE', 'FAILED')) not null default 'PENDING', "priority" integer not null default 1, "line_ids" jsonb not null, "document" jsonb not null, "total_minor" integer not null, "currency_code" text not null, "provider_ref" text null, "attempts" integer not null default 0, "resends" integer not null default 0, "next_attempt_at" timestamptz null, "locked_until" timestamptz null, "last_error" text null, "sent_at" timestamptz null, "done_at" timestamptz null, "fn_number" text null, "fd_number" text null, "fpd" text null, "registered_at" text null, "ofd_url" text null, "correction_of" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fiscal_receipt_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fiscal_receipt_idempotency_key_unique" ON "fiscal_receipt" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fiscal_receipt_deleted_at" ON "fiscal_receipt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fiscal_receipt_order_id" ON "fiscal_receipt" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fiscal_receipt_status_next_attempt_at" ON "fiscal_receipt" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fiscal_receipt_priority_created_at" ON "fiscal_receipt" ("priority", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fiscal_receipt_provider_ref" ON "fiscal_receipt" ("provider_ref") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fiscal_credential" cascade;`);

    this.addSql(`drop table if exists "fiscal_receipt" cascade;`);
  }

}
