import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The delivery log stops keeping live one-time tokens (issue 19 gap): the content column holds them
 * as [redacted], the message as sent is sealed in sealed_content until its last attempt, and a Resend
 * re-issues a token (reissue). Rows logged before get their tokens redacted and, where the link says
 * which app it was for, a reissue entry so a Resend still works.
 */
const REDACTED = "[redacted]"

export class Migration20261207124100 extends Migration {
  override async up(): Promise<void> {
    await this.execute(`alter table if exists "notification_delivery" add column if not exists "sealed_content" text null, add column if not exists "reissue" jsonb null;`)
    const rows: any[] = await this.execute(
      `SELECT "id", "template", "recipient", "content"::text AS "content" FROM "notification_delivery" WHERE "template" IN ('password-reset', 'merchant-staff-invite')`
    )
    for (const row of rows) {
      const content = String(row.content).replace(/token=[^&"\\\s<]+/g, `token=${REDACTED}`)
      let reissue: Record<string, string> | null = null
      if (row.template === "password-reset") {
        const path = /https?:\/\/[^"\\\s]*?\/((?:merchant\/|app\/)?)reset-password\?/.exec(String(row.content))?.[1]
        const actor = path === "merchant/" ? "merchant" : path === "app/" ? "user" : path === "" ? "customer" : null
        if (actor) reissue = { kind: "password_reset", actor_type: actor, email: row.recipient }
      }
      await this.execute(`UPDATE "notification_delivery" SET "content" = ?::jsonb, "reissue" = ?::jsonb WHERE "id" = ?`,
        [content, reissue ? JSON.stringify(reissue) : null, row.id])
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "notification_delivery" drop column if exists "sealed_content", drop column if exists "reissue";`)
  }
}
