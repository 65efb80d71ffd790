import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207092017 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "telegram_link" drop constraint if exists "telegram_link_token_hash_unique";`);
    this.addSql(`alter table if exists "telegram_link" drop constraint if exists "telegram_link_person_type_person_id_unique";`);
    this.addSql(`alter table if exists "notification_preference" drop constraint if exists "notification_preference_person_type_person_id_notification_type_channel_unique";`);
    this.addSql(`alter table if exists "notification_delivery" drop constraint if exists "notification_delivery_event_id_recipient_template_channel_unique";`);
    this.addSql(`alter table if exists "notification_attempt" drop constraint if exists "notification_attempt_delivery_id_attempt_unique";`);
    this.addSql(`create table if not exists "notification_attempt" ("id" text not null, "delivery_id" text not null, "attempt" integer not null, "status" text check ("status" in ('SENT', 'FAILED')) not null, "provider_response" jsonb null, "error" text null, "permanent" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notification_attempt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_attempt_deleted_at" ON "notification_attempt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notification_attempt_delivery_id_attempt_unique" ON "notification_attempt" ("delivery_id", "attempt") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "notification_delivery" ("id" text not null, "event_name" text not null, "event_id" text not null, "notification_type" text not null, "transactional" boolean not null default true, "channel" text not null, "recipient" text not null, "person_type" text null, "person_id" text null, "template" text not null, "locale" text not null, "subject" text null, "content" jsonb not null, "status" text check ("status" in ('PENDING', 'SENT', 'RETRYING', 'FAILED', 'SKIPPED')) not null default 'PENDING', "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "last_error" text null, "provider_message_id" text null, "sent_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notification_delivery_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_delivery_deleted_at" ON "notification_delivery" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notification_delivery_event_id_recipient_template_channel_unique" ON "notification_delivery" ("event_id", "recipient", "template", "channel") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_delivery_status_next_attempt_at" ON "notification_delivery" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_delivery_notification_type" ON "notification_delivery" ("notification_type") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "notification_preference" ("id" text not null, "person_type" text check ("person_type" in ('customer', 'merchant_user', 'user')) not null, "person_id" text not null, "notification_type" text not null, "channel" text check ("channel" in ('email', 'telegram')) not null, "enabled" boolean not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notification_preference_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_preference_deleted_at" ON "notification_preference" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notification_preference_person_type_person_id_notification_type_channel_unique" ON "notification_preference" ("person_type", "person_id", "notification_type", "channel") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "telegram_link" ("id" text not null, "person_type" text check ("person_type" in ('customer', 'merchant_user', 'user')) not null, "person_id" text not null, "token_hash" text null, "token_expires_at" timestamptz null, "chat_id" text null, "linked_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "telegram_link_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_telegram_link_deleted_at" ON "telegram_link" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_telegram_link_person_type_person_id_unique" ON "telegram_link" ("person_type", "person_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_telegram_link_token_hash_unique" ON "telegram_link" ("token_hash") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_attempt" cascade;`);

    this.addSql(`drop table if exists "notification_delivery" cascade;`);

    this.addSql(`drop table if exists "notification_preference" cascade;`);

    this.addSql(`drop table if exists "telegram_link" cascade;`);
  }

}
