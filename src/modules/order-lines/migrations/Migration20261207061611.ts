import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207061611 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_operation" drop constraint if exists "payment_operation_idempotency_key_unique";`);
    this.addSql(`create table if not exists "payment_operation" ("id" text not null, "kind" text check ("kind" in ('capture', 'refund', 'cancel')) not null, "state" text check ("state" in ('PENDING', 'UNKNOWN', 'SUCCEEDED', 'FAILED')) not null default 'PENDING', "order_id" text not null, "payment_id" text not null, "line_id" text null, "currency_code" text not null, "amount" numeric not null, "line_amount" numeric not null, "shipping_amount" numeric not null, "idempotency_key" text not null, "attempts" integer not null default 0, "lease_until" timestamptz not null, "medusa_record_id" text null, "psp_reference" text null, "error" text null, "settled_at" timestamptz null, "finished_at" timestamptz null, "context" jsonb null, "raw_amount" jsonb not null, "raw_line_amount" jsonb not null, "raw_shipping_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_operation_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_operation_idempotency_key_unique" ON "payment_operation" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_operation_deleted_at" ON "payment_operation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_operation_order_id" ON "payment_operation" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_operation_line_id" ON "payment_operation" ("line_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_operation_state_lease_until" ON "payment_operation" ("state", "lease_until") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_operation" cascade;`);
  }

}
