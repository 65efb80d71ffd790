import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124231437 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "booking_schedule" drop constraint if exists "booking_schedule_product_id_variant_id_unique";`);
    this.addSql(`alter table if exists "booking_calendar_feed" drop constraint if exists "booking_calendar_feed_token_unique";`);
    this.addSql(`alter table if exists "booking_calendar_feed" drop constraint if exists "booking_calendar_feed_merchant_id_unique";`);
    this.addSql(`create table if not exists "booking" ("id" text not null, "schedule_id" text not null, "merchant_id" text null, "product_id" text not null, "variant_id" text null, "start_at" timestamptz not null, "end_at" timestamptz not null, "timezone" text not null, "seat" integer not null, "status" text check ("status" in ('HELD', 'BOOKED', 'RELEASED', 'EXPIRED', 'RESCHEDULED', 'CANCELLED')) not null default 'HELD', "expires_at" timestamptz null, "cart_id" text null, "customer_id" text null, "order_id" text null, "line_item_id" text null, "reschedule_count" integer not null default 0, "rescheduled_from_id" text null, "rescheduled_to_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "booking_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_deleted_at" ON "booking" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_booking_active_seat" ON "booking" ("schedule_id", "start_at", "seat") WHERE status IN ('HELD', 'BOOKED') AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_schedule_id_start_at" ON "booking" ("schedule_id", "start_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_cart_id" ON "booking" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_order_id" ON "booking" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_line_item_id" ON "booking" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_merchant_id_start_at" ON "booking" ("merchant_id", "start_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_status_expires_at" ON "booking" ("status", "expires_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "booking_calendar_feed" ("id" text not null, "merchant_id" text not null, "token" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "booking_calendar_feed_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_booking_calendar_feed_merchant_id_unique" ON "booking_calendar_feed" ("merchant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_booking_calendar_feed_token_unique" ON "booking_calendar_feed" ("token") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_calendar_feed_deleted_at" ON "booking_calendar_feed" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "booking_schedule" ("id" text not null, "merchant_id" text null, "product_id" text not null, "variant_id" text null, "timezone" text not null, "rrule" text not null, "slot_minutes" integer not null default 60, "buffer_minutes" integer not null default 0, "window_minutes" integer null, "capacity" integer not null default 1, "horizon_days" integer not null default 60, "min_notice_minutes" integer not null default 60, "exdates" jsonb null, "blackouts" jsonb null, "extra_slots" jsonb null, "free_cancel_hours" integer not null default 24, "cancel_fee_bps" integer not null default 0, "reschedule_until_hours" integer not null default 24, "max_reschedules" integer not null default 1, "auto_confirm" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "booking_schedule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_schedule_deleted_at" ON "booking_schedule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_schedule_product_id" ON "booking_schedule" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_schedule_merchant_id" ON "booking_schedule" ("merchant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_booking_schedule_product_id_variant_id_unique" ON "booking_schedule" ("product_id", "variant_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "booking" cascade;`);

    this.addSql(`drop table if exists "booking_calendar_feed" cascade;`);

    this.addSql(`drop table if exists "booking_schedule" cascade;`);
  }

}
