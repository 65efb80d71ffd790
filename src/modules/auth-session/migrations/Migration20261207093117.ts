import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261207093117 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "auth_session" ("id" text not null, "actor_type" text not null, "actor_id" text null, "auth_identity_id" text not null, "auth_provider" text null, "user_agent" text null, "ip" text null, "last_used_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "auth_session_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_auth_session_deleted_at" ON "auth_session" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_auth_session_auth_identity_id_actor_type" ON "auth_session" ("auth_identity_id", "actor_type") WHERE deleted_at IS NULL;`)
    this.addSql(`create table if not exists "auth_refresh_token" ("id" text not null, "session_id" text not null, "token_hash" text not null, "replaced_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "auth_refresh_token_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_auth_refresh_token_deleted_at" ON "auth_refresh_token" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_auth_refresh_token_token_hash_unique" ON "auth_refresh_token" ("token_hash") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_auth_refresh_token_session_id" ON "auth_refresh_token" ("session_id") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "auth_refresh_token" cascade;`)
    this.addSql(`drop table if exists "auth_session" cascade;`)
  }
}
