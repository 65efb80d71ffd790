import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { resealStoredMerchant } from "../sensitive-columns"

/**
 * Merchants' tax ids, phone and payout account encrypted at rest (issue 20 §8): adds the keyed
 * lookup hashes and seals the rows written before, under DATA_ENCRYPTION_KEYS' first key (the
 * development key when unset; production refuses to run without the setting).
 */
export class Migration20261207124000 extends Migration {
  override async up(): Promise<void> {
    await this.execute(`alter table if exists "merchant" add column if not exists "inn_hash" text null, add column if not exists "trn_hash" text null;`)
    await this.execute(`CREATE INDEX IF NOT EXISTS "IDX_merchant_inn_hash" ON "merchant" ("inn_hash") WHERE deleted_at IS NULL;`)
    await this.execute(`CREATE INDEX IF NOT EXISTS "IDX_merchant_trn_hash" ON "merchant" ("trn_hash") WHERE deleted_at IS NULL;`)
    const rows: any[] = await this.execute(`SELECT "id", "inn", "trn", "contact_phone", "payout_method" FROM "merchant"`)
    for (const row of rows) {
      const update = resealStoredMerchant(row)
      if (!update) continue
      const cols = Object.keys(update)
      const values = cols.map((c) => (c === "payout_method" ? JSON.stringify(update[c]) : update[c]))
      await this.execute(
        `UPDATE "merchant" SET ${cols.map((c) => `"${c}" = ?${c === "payout_method" ? "::jsonb" : ""}`).join(", ")} WHERE "id" = ?`,
        [...values, row.id]
      )
    }
  }

  override async down(): Promise<void> {
    // Values stay sealed (decrypting them back into clear text is not something a rollback should do silently).
    this.addSql(`drop index if exists "IDX_merchant_inn_hash";`)
    this.addSql(`drop index if exists "IDX_merchant_trn_hash";`)
    this.addSql(`alter table if exists "merchant" drop column if exists "inn_hash", drop column if exists "trn_hash";`)
  }
}
