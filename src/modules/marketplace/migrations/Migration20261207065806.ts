import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207065806 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "merchant" add column if not exists "fiscal_agent_type" text check ("fiscal_agent_type" in ('commission_agent', 'attorney', 'another')) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "merchant" drop column if exists "fiscal_agent_type";`);
  }

}
