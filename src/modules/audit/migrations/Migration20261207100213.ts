import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261207100213 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "audit_entry" ("id" text not null, "seq" bigint not null, "actor_type" text not null, "actor_id" text null, "action" text not null, "target_type" text null, "target_id" text null, "before_json" text null, "after_json" text null, "ip" text null, "request_id" text null, "event_key" text null, "prev_hash" text not null, "hash" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "audit_entry_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_deleted_at" ON "audit_entry" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_audit_entry_seq_unique" ON "audit_entry" ("seq") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_audit_entry_event_key_unique" ON "audit_entry" ("event_key") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_action" ON "audit_entry" ("action") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_target_type_target_id" ON "audit_entry" ("target_type", "target_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_actor_id" ON "audit_entry" ("actor_id") WHERE deleted_at IS NULL;`)
    // Append-only for everyone who goes through SQL, the application's own role included: the only way
    // round it is DDL (dropping or disabling the trigger), which audit:verify then exposes by the chain.
    this.addSql(`CREATE OR REPLACE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$;`)
    this.addSql(`DROP TRIGGER IF EXISTS "audit_entry_append_only" ON "audit_entry";`)
    this.addSql(`CREATE TRIGGER "audit_entry_append_only" BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"();`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`)
    this.addSql(`drop function if exists "audit_entry_append_only"();`)
  }
}
