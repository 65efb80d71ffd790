import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { SEARCH_WORDS_SQL } from "../schema-sql"

// The word table typo correction runs on (schema-sql.ts), filled from documents already indexed.
export class Migration20261207072000 extends Migration {
  override async up(): Promise<void> {
    for (const statement of SEARCH_WORDS_SQL) this.addSql(statement)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TABLE IF EXISTS search_word`)
  }
}
