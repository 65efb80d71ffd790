import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { resealStoredDocument } from "../sensitive-document"

/**
 * Phone numbers in fiscal receipt documents encrypted at rest (issue 20 §8, sensitive-document.ts): seals
 * the receipts written before, under DATA_ENCRYPTION_KEYS' first key (the development key when unset;
 * production refuses to start without the setting). A second run changes nothing.
 */
export class Migration20261208020543 extends Migration {
  override async up(): Promise<void> {
    const rows: any[] = await this.execute(`SELECT "id", "document" FROM "fiscal_receipt"`)
    for (const row of rows) {
      const update = resealStoredDocument(typeof row.document === "string" ? JSON.parse(row.document) : row.document)
      if (update) await this.execute(`UPDATE "fiscal_receipt" SET "document" = ?::jsonb WHERE "id" = ?`, [JSON.stringify(update), row.id])
    }
  }

  override async down(): Promise<void> {
    // Values stay sealed: decrypting them back into clear text is not something a rollback should do silently.
  }
}
