import { model } from "@medusajs/framework/utils"

/**
 * One row of the append-only audit trail. `hash` covers this row's fields and the previous row's
 * hash (`prev_hash`), so editing or deleting any row breaks the chain from there on
 * (src/lib/audit/chain.ts; `npm run audit:verify`). A trigger refuses UPDATE and DELETE.
 * `before_json` / `after_json` are kept as the exact canonical JSON text that was hashed.
 */
export const AuditEntry = model
  .define("audit_entry", {
    id: model.id({ prefix: "aud" }).primaryKey(),
    seq: model.number(),
    actor_type: model.text(),
    actor_id: model.text().nullable(),
    action: model.text(),
    target_type: model.text().nullable(),
    target_id: model.text().nullable(),
    before_json: model.text().nullable(),
    after_json: model.text().nullable(),
    ip: model.text().nullable(),
    request_id: model.text().nullable(),
    /** Set for rows written from an event: a redelivered event appends nothing twice. Not hashed. */
    event_key: model.text().nullable(),
    prev_hash: model.text(),
    hash: model.text(),
  })
  .indexes([
    { on: ["seq"], unique: true },
    { on: ["event_key"], unique: true },
    { on: ["action"] },
    { on: ["target_type", "target_id"] },
    { on: ["actor_id"] },
  ])
