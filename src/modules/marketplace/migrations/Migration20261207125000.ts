import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// Staff roles (issue 22 §7): OWNER, MANAGER, FULFILMENT, FINANCE. The former STAFF could do all
// an owner could but invite, which is what MANAGER is; invites carry the role the invitee joins with.
export class Migration20261207125000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "merchant_user" drop constraint if exists "merchant_user_role_check";`)
    this.addSql(`update "merchant_user" set "role" = 'MANAGER' where "role" = 'STAFF';`)
    this.addSql(`alter table if exists "merchant_user" add constraint "merchant_user_role_check" check ("role" in ('OWNER', 'MANAGER', 'FULFILMENT', 'FINANCE'));`)
    this.addSql(`alter table if exists "merchant_invite" add column if not exists "role" text check ("role" in ('MANAGER', 'FULFILMENT', 'FINANCE')) not null default 'MANAGER';`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "merchant_invite" drop column if exists "role";`)
    this.addSql(`alter table if exists "merchant_user" drop constraint if exists "merchant_user_role_check";`)
    this.addSql(`update "merchant_user" set "role" = 'STAFF' where "role" <> 'OWNER';`)
    this.addSql(`alter table if exists "merchant_user" add constraint "merchant_user_role_check" check ("role" in ('OWNER', 'STAFF'));`)
  }
}
