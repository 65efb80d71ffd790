import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261207103047 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "privacy_request" ("id" text not null, "customer_id" text not null, "kind" text check ("kind" in ('EXPORT', 'ERASURE')) not null, "status" text check ("status" in ('REQUESTED', 'COMPLETED')) not null default 'REQUESTED', "completed_at" timestamptz null, "completed_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "privacy_request_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_request_deleted_at" ON "privacy_request" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_request_customer_id" ON "privacy_request" ("customer_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_request_status" ON "privacy_request" ("status") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "privacy_request" cascade;`)
  }
}
