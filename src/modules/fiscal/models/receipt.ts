import { model } from "@medusajs/framework/utils"

export const RECEIPT_STATUSES = ["PENDING", "SENT", "DONE", "FAILED"] as const
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number]

/**
 * The fiscal outbox: one row per receipt to register, written by the line/payment subscribers and
 * driven PENDING → SENT → DONE | FAILED by the dispatcher (job, callback, admin retry).
 * `idempotency_key` is unique per (order, settlement, lines[, refund]) so a redelivered event
 * never makes a second row; `external_id` is what the provider sees (the key, or key-rN after an
 * OrangeData 524 resend), so a resend after a crash never registers a second receipt.
 */
export const FiscalReceipt = model
  .define("fiscal_receipt", {
    id: model.id({ prefix: "frcpt" }).primaryKey(),
    order_id: model.text(),
    /** "platform" (agent receipt on the platform's register) or the merchant id (its own register). */
    issuer: model.text(),
    provider_id: model.text(),
    operation: model.enum(["sell", "sell_refund", "sell_correction"]),
    settlement: model.enum(["prepayment", "payment", "refund", "correction"]),
    idempotency_key: model.text().unique(),
    external_id: model.text(),
    status: model.enum([...RECEIPT_STATUSES]).default("PENDING"),
    /** 0 FAILED, 1 PENDING/SENT, 2 DONE: lists show failures first. */
    priority: model.number().default(1),
    line_ids: model.json(),
    document: model.json(),
    total_minor: model.number(),
    currency_code: model.text(),
    provider_ref: model.text().nullable(),
    attempts: model.number().default(0),
    resends: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    locked_until: model.dateTime().nullable(),
    last_error: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
    done_at: model.dateTime().nullable(),
    fn_number: model.text().nullable(),
    fd_number: model.text().nullable(),
    fpd: model.text().nullable(),
    registered_at: model.text().nullable(),
    ofd_url: model.text().nullable(),
    correction_of: model.text().nullable(),
  })
  .indexes([{ on: ["order_id"] }, { on: ["status", "next_attempt_at"] }, { on: ["priority", "created_at"] }, { on: ["provider_ref"] }])
