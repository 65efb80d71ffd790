import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124205715 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "merchant_user" drop constraint if exists "merchant_user_email_unique";`);
    this.addSql(`alter table if exists "merchant_invite" drop constraint if exists "merchant_invite_token_hash_unique";`);
    this.addSql(`alter table if exists "merchant" drop constraint if exists "merchant_handle_unique";`);
    this.addSql(`create table if not exists "merchant" ("id" text not null, "handle" text not null, "legal_name" text not null, "display_name" text not null, "country_code" text not null, "inn" text null, "trn" text null, "tax_regime" text check ("tax_regime" in ('VAT_PAYER', 'SIMPLIFIED_NO_VAT', 'SIMPLIFIED_VAT_5', 'SIMPLIFIED_VAT_7', 'NOT_VAT_REGISTERED')) not null, "payout_method" jsonb null, "kyc_status" text check ("kyc_status" in ('PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED')) not null default 'PENDING', "kyc_reason" text null, "contact_email" text not null, "contact_phone" text null, "default_locale" text not null default 'en', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "merchant_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_merchant_handle_unique" ON "merchant" ("handle") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_merchant_deleted_at" ON "merchant" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_merchant_kyc_status" ON "merchant" ("kyc_status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "merchant_invite" ("id" text not null, "email" text not null, "token_hash" text not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "invited_by" text not null, "merchant_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "merchant_invite_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_merchant_invite_token_hash_unique" ON "merchant_invite" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_merchant_invite_merchant_id" ON "merchant_invite" ("merchant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_merchant_invite_deleted_at" ON "merchant_invite" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "merchant_user" ("id" text not null, "email" text not null, "role" text check ("role" in ('OWNER', 'STAFF')) not null, "merchant_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "merchant_user_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_merchant_user_email_unique" ON "merchant_user" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_merchant_user_merchant_id" ON "merchant_user" ("merchant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_merchant_user_deleted_at" ON "merchant_user" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "merchant_invite" add constraint "merchant_invite_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "merchant_user" add constraint "merchant_user_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "merchant_invite" drop constraint if exists "merchant_invite_merchant_id_foreign";`);

    this.addSql(`alter table if exists "merchant_user" drop constraint if exists "merchant_user_merchant_id_foreign";`);

    this.addSql(`drop table if exists "merchant" cascade;`);

    this.addSql(`drop table if exists "merchant_invite" cascade;`);

    this.addSql(`drop table if exists "merchant_user" cascade;`);
  }

}
