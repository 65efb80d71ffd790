import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124231415 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "course_policy" drop constraint if exists "course_policy_product_id_unique";`);
    this.addSql(`alter table if exists "course_lesson_progress" drop constraint if exists "course_lesson_progress_grant_id_lesson_id_unique";`);
    this.addSql(`alter table if exists "course_grant" drop constraint if exists "course_grant_order_line_id_unique";`);
    this.addSql(`create table if not exists "course_access_attempt" ("id" text not null, "grant_id" text null, "asset" text null, "code" text not null, "customer_id" text null, "ip" text null, "user_agent" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "course_access_attempt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_access_attempt_deleted_at" ON "course_access_attempt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_access_attempt_grant_id" ON "course_access_attempt" ("grant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_access_attempt_code" ON "course_access_attempt" ("code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "course_grant" ("id" text not null, "order_id" text not null, "order_line_id" text not null, "line_item_id" text not null, "customer_id" text not null, "product_id" text not null, "merchant_id" text null, "status" text check ("status" in ('ACTIVE', 'REVOKED', 'EXPIRED')) not null default 'ACTIVE', "granted_at" timestamptz not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "reason" text null, "watermark_token" text not null, "consumption_pct" integer not null default 0, "buyer_email" text not null, "buyer_name" text null, "order_display_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "course_grant_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_course_grant_order_line_id_unique" ON "course_grant" ("order_line_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_grant_deleted_at" ON "course_grant" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_grant_customer_id" ON "course_grant" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_grant_product_id" ON "course_grant" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_grant_merchant_id" ON "course_grant" ("merchant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_grant_order_id" ON "course_grant" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "course_lesson" ("id" text not null, "product_id" text not null, "merchant_id" text null, "position" integer not null default 0, "title" text not null, "kind" text check ("kind" in ('file', 'hls')) not null default 'file', "file_id" text not null, "filename" text not null, "mime_type" text not null, "size_bytes" integer not null default 0, "segments" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "course_lesson_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_lesson_deleted_at" ON "course_lesson" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_lesson_product_id_position" ON "course_lesson" ("product_id", "position") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "course_lesson_progress" ("id" text not null, "grant_id" text not null, "lesson_id" text not null, "percent" integer not null default 0, "position_seconds" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "course_lesson_progress_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_lesson_progress_deleted_at" ON "course_lesson_progress" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_course_lesson_progress_grant_id_lesson_id_unique" ON "course_lesson_progress" ("grant_id", "lesson_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "course_policy" ("id" text not null, "product_id" text not null, "merchant_id" text null, "delivery" text check ("delivery" in ('FILE', 'STREAM', 'LINK')) not null default 'FILE', "access_days" integer null, "refund_days" integer not null default 14, "consumption_threshold_pct" integer not null default 30, "max_sessions" integer null, "external_url" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "course_policy_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_course_policy_product_id_unique" ON "course_policy" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_policy_deleted_at" ON "course_policy" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_policy_merchant_id" ON "course_policy" ("merchant_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "course_access_attempt" cascade;`);

    this.addSql(`drop table if exists "course_grant" cascade;`);

    this.addSql(`drop table if exists "course_lesson" cascade;`);

    this.addSql(`drop table if exists "course_lesson_progress" cascade;`);

    this.addSql(`drop table if exists "course_policy" cascade;`);
  }

}
