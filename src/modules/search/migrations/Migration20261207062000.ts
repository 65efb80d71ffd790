import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { SEARCH_SCHEMA_DOWN_SQL, SEARCH_SCHEMA_SQL } from "../schema-sql"

// Raw SQL (tsvector, GIN/trigram indexes, the pg_trgm and unaccent extensions): see schema-sql.ts.
export class Migration20261207062000 extends Migration {
  override async up(): Promise<void> {
    for (const statement of SEARCH_SCHEMA_SQL) this.addSql(statement)
  }

  override async down(): Promise<void> {
    for (const statement of SEARCH_SCHEMA_DOWN_SQL) this.addSql(statement)
  }
}
