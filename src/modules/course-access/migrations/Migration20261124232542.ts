import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124232542 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "course_session" drop constraint if exists "course_session_grant_id_device_id_unique";`);
    this.addSql(`create table if not exists "course_session" ("id" text not null, "grant_id" text not null, "device_id" text not null, "last_seen_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "course_session_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_session_deleted_at" ON "course_session" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_course_session_grant_id_device_id_unique" ON "course_session" ("grant_id", "device_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "course_session" cascade;`);
  }

}
