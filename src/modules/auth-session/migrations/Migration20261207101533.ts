import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261207101533 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "email_verification" ("id" text not null, "auth_identity_id" text not null, "actor_type" text not null, "email" text not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "verified_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "email_verification_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_email_verification_deleted_at" ON "email_verification" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_email_verification_token_hash_unique" ON "email_verification" ("token_hash") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_email_verification_auth_identity_id_actor_type" ON "email_verification" ("auth_identity_id", "actor_type") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "email_verification" cascade;`)
  }
}
