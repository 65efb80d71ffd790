import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124211856 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_line" drop constraint if exists "order_line_line_item_id_unique";`);
    this.addSql(`create table if not exists "order_line" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "kind" text check ("kind" in ('PHYSICAL', 'SERVICE', 'COURSE')) not null, "merchant_id" text null, "process_version" integer not null, "state" text not null, "state_entered_at" timestamptz not null, "carrier" text null, "tracking_number" text null, "captured_amount" numeric not null default 0, "currency_code" text not null, "raw_captured_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_line_line_item_id_unique" ON "order_line" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_line_deleted_at" ON "order_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_line_order_id" ON "order_line" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_line_merchant_id" ON "order_line" ("merchant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_line_state_state_entered_at" ON "order_line" ("state", "state_entered_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_line_transition" ("id" text not null, "transition" text not null, "from_state" text not null, "to_state" text not null, "actor_type" text check ("actor_type" in ('buyer', 'merchant', 'operator', 'system')) not null, "actor_id" text null, "reason" text null, "data" jsonb null, "line_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_line_transition_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_line_transition_line_id" ON "order_line_transition" ("line_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_line_transition_deleted_at" ON "order_line_transition" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "order_line_transition" add constraint "order_line_transition_line_id_foreign" foreign key ("line_id") references "order_line" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "order_line_transition" drop constraint if exists "order_line_transition_line_id_foreign";`);

    this.addSql(`drop table if exists "order_line" cascade;`);

    this.addSql(`drop table if exists "order_line_transition" cascade;`);
  }

}
