import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124203210 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "product_kind" ("id" text not null, "kind" text check ("kind" in ('PHYSICAL', 'SERVICE', 'COURSE')) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "product_kind_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_product_kind_deleted_at" ON "product_kind" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_product_kind_kind" ON "product_kind" ("kind") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "product_kind" cascade;`);
  }

}
