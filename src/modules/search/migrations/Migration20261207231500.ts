import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { SEARCH_GIN_SQL } from "../schema-sql"

// Search GIN indexes without a pending list, the unused trigram index dropped (schema-sql.ts).
export class Migration20261207231500 extends Migration {
  override async up(): Promise<void> {
    for (const statement of SEARCH_GIN_SQL) this.addSql(statement)
  }

  override async down(): Promise<void> {
    for (const i of ["IDX_search_document_tsv_en", "IDX_search_document_tsv_ru", "IDX_search_document_tsv_simple", "IDX_search_document_categories", "IDX_search_word_trgm"]) {
      this.addSql(`ALTER INDEX IF EXISTS "${i}" RESET (fastupdate)`)
    }
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_search_document_trgm" ON search_document USING gin (trgm_text gin_trgm_ops)`)
  }
}
