import { model } from "@medusajs/framework/utils"

/**
 * One money movement at a PSP, written down (and committed) before the PSP is called
 * (DESIGN.md §4 "Every money movement is written down first"). Amounts are integer minor units.
 * A line's captured/refunded totals are derived from its SUCCEEDED operations only.
 *
 * PENDING  — journaled, the PSP call is running or was never answered (crash); leased until lease_until
 * UNKNOWN  — the PSP call failed in a way that does not tell whether money moved (timeout, 5xx, reset)
 * SUCCEEDED / FAILED — settled; only the recovery routine or the caller holding the lock settles
 */
export const PaymentOperation = model
  .define("payment_operation", {
    id: model.id({ prefix: "pop" }).primaryKey(),
    kind: model.enum(["capture", "refund", "cancel"]),
    state: model.enum(["PENDING", "UNKNOWN", "SUCCEEDED", "FAILED"]).default("PENDING"),
    order_id: model.text(),
    payment_id: model.text(),
    line_id: model.text().nullable(),
    currency_code: model.text(),
    /** Everything this call moves: the line's part plus, for a capture, the order's shipping. */
    amount: model.bigNumber(),
    line_amount: model.bigNumber(),
    shipping_amount: model.bigNumber(),
    /** Sent to the PSP as its Idempotency-Key: a retry or a recovery never moves money twice. */
    idempotency_key: model.text().unique(),
    attempts: model.number().default(0),
    lease_until: model.dateTime(),
    /** Medusa's capture/refund record once it exists; the PSP's own reference (intent id). */
    medusa_record_id: model.text().nullable(),
    psp_reference: model.text().nullable(),
    error: model.text().nullable(),
    settled_at: model.dateTime().nullable(),
    /** When what follows a succeeded operation was done (ledger booked, the move it served made). */
    finished_at: model.dateTime().nullable(),
    /** What to finish once the money moved: the line move that asked for it, the refund's reason and actor. */
    context: model.json().nullable(),
  })
  .indexes([
    { on: ["order_id"] },
    { on: ["line_id"] },
    { on: ["state", "lease_until"] },
  ])
