import { model } from "@medusajs/framework/utils"

export const IDEMPOTENCY_STATUSES = ["IN_PROGRESS", "COMPLETED"] as const
export type IdempotencyStatus = (typeof IDEMPOTENCY_STATUSES)[number]

/**
 * One claimed `X-Idempotency-Key` per scope (route + actor). The unique (key, scope) index is what
 * makes a claim atomic: of N concurrent INSERTs exactly one succeeds (see service.claim).
 */
export const IdempotencyKey = model
  .define("idempotency_key", {
    id: model.id({ prefix: "idem" }).primaryKey(),
    key: model.text(),
    scope: model.text(),
    request_hash: model.text(),
    status: model.enum([...IDEMPOTENCY_STATUSES]).default("IN_PROGRESS"),
    response_status: model.number().nullable(),
    response_body: model.json().nullable(),
    locked_at: model.dateTime().nullable(),
    expires_at: model.dateTime(),
  })
  .indexes([
    { on: ["key", "scope"], unique: true },
    { on: ["expires_at"] },
  ])
