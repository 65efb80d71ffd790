import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207104512 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "job_run" ("id" text not null, "job_name" text not null, "instance" text not null, "status" text check ("status" in ('running', 'ok', 'failed')) not null default 'running', "started_at" timestamptz not null, "finished_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "job_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_job_run_deleted_at" ON "job_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_job_run_job_name_started_at" ON "job_run" ("job_name", "started_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_job_run_status" ON "job_run" ("status") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "job_run" cascade;`);
  }

}
