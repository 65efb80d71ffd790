import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { toMajorString } from "../../lib/money"
import { OrderLine } from "./models/order-line"
import { OrderLineTransition } from "./models/order-line-transition"
import { PaymentOperation } from "./models/payment-operation"
import { withMerchantScope } from "../../lib/merchant-scope"

export type OperationKind = "capture" | "refund" | "cancel"
export type OperationState = "PENDING" | "UNKNOWN" | "SUCCEEDED" | "FAILED"

export type JournalOperationInput = {
  kind: OperationKind
  order_id: string
  payment_id: string
  line_id?: string | null
  currency_code: string
  amount: number
  line_amount?: number
  shipping_amount?: number
  lease_ms: number
  context?: Record<string, unknown> | null
}

export type OperationOutcome = {
  state: Exclude<OperationState, "PENDING">
  medusa_record_id?: string | null
  psp_reference?: string | null
  error?: string | null
}

export type StoredOperation = {
  id: string
  kind: OperationKind
  state: OperationState
  order_id: string
  payment_id: string
  line_id: string | null
  currency_code: string
  amount: number
  line_amount: number
  shipping_amount: number
  idempotency_key: string
  attempts: number
  lease_until: Date
  medusa_record_id: string | null
  context: Record<string, any> | null
  created_at: Date
}

export default class OrderLinesModuleService extends withMerchantScope(MedusaService({ OrderLine, OrderLineTransition, PaymentOperation })) {
  /**
   * Writes the operation down, committed on its own, before the PSP hears of it. Its id is its
   * idempotency key at the PSP, so a retry or a recovery can never move the money twice.
   */
  @InjectManager()
  async journalOperation(input: JournalOperationInput, @MedusaContext() sharedContext: Context = {}): Promise<StoredOperation> {
    const em = sharedContext.manager as any
    const id = generateEntityId(undefined, "pop")
    const raw = (n: number) => JSON.stringify({ value: String(n), precision: 20 })
    const [row] = await em.execute(
      `INSERT INTO "payment_operation" ("id", "kind", "state", "order_id", "payment_id", "line_id", "currency_code",
         "amount", "raw_amount", "line_amount", "raw_line_amount", "shipping_amount", "raw_shipping_amount",
         "idempotency_key", "attempts", "lease_until", "context", "created_at", "updated_at")
       VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?::jsonb, ?, 1, now() + (? * interval '1 millisecond'), ?::jsonb, now(), now())
       RETURNING *`,
      [id, input.kind, input.order_id, input.payment_id, input.line_id ?? null, input.currency_code,
        input.amount, raw(input.amount), input.line_amount ?? 0, raw(input.line_amount ?? 0), input.shipping_amount ?? 0, raw(input.shipping_amount ?? 0),
        `snail_${id}`, input.lease_ms, JSON.stringify(input.context ?? null)]
    )
    return toOperation(row)
  }

  /**
   * Settles an open operation (compare-and-set: an operation is settled once) and, in the same
   * transaction, derives its line's captured/refunded totals from the line's succeeded operations.
   * Returns false when someone else settled it first.
   */
  @InjectTransactionManager()
  async settleOperation(id: string, outcome: OperationOutcome, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const em = sharedContext.transactionManager as any
    const settled = outcome.state === "SUCCEEDED" || outcome.state === "FAILED"
    const rows: any[] = await em.execute(
      `UPDATE "payment_operation"
          SET "state" = ?, "medusa_record_id" = coalesce(?, "medusa_record_id"), "psp_reference" = coalesce(?, "psp_reference"),
              "error" = ?, "settled_at" = ${settled ? "now()" : "NULL"}, "updated_at" = now()
        WHERE "id" = ? AND "state" IN ('PENDING', 'UNKNOWN')
        RETURNING "line_id", "currency_code"`,
      [outcome.state, outcome.medusa_record_id ?? null, outcome.psp_reference ?? null, outcome.error ?? null, id]
    )
    if (!rows.length) return false
    if (outcome.state === "SUCCEEDED" && rows[0].line_id) await this.deriveLineTotals_(rows[0].line_id, rows[0].currency_code, em)
    return true
  }

  /** Re-derives a line's totals from the journal (used after settling and by repairs). */
  @InjectTransactionManager()
  async deriveLineTotals(lineId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const em = sharedContext.transactionManager as any
    const [line] = await em.execute(`SELECT "currency_code" FROM "order_line" WHERE "id" = ?`, [lineId])
    if (line) await this.deriveLineTotals_(lineId, line.currency_code, em)
  }

  private async deriveLineTotals_(lineId: string, currency: string, em: any) {
    const [sums] = await em.execute(
      `SELECT coalesce(sum("line_amount") FILTER (WHERE "kind" = 'capture'), 0)::bigint AS "captured",
              coalesce(sum("line_amount") FILTER (WHERE "kind" = 'refund'), 0)::bigint AS "refunded"
         FROM "payment_operation" WHERE "line_id" = ? AND "state" = 'SUCCEEDED' AND "deleted_at" IS NULL`,
      [lineId]
    )
    const captured = toMajorString(Number(sums.captured), currency)
    const refunded = toMajorString(Number(sums.refunded), currency)
    await em.execute(
      `UPDATE "order_line" SET "captured_amount" = ?, "raw_captured_amount" = ?::jsonb, "refunded_amount" = ?, "raw_refunded_amount" = ?::jsonb, "updated_at" = now()
        WHERE "id" = ?`,
      [captured, JSON.stringify({ value: captured, precision: 20 }), refunded, JSON.stringify({ value: refunded, precision: 20 }), lineId]
    )
  }

  /**
   * Takes an open operation for a retry or a recovery: only one taker wins while the lease runs
   * (across server instances), and each take counts as an attempt.
   */
  @InjectManager()
  async leaseOperation(id: string, leaseMs: number, options: { force?: boolean } = {}, @MedusaContext() sharedContext: Context = {}): Promise<StoredOperation | null> {
    const em = sharedContext.manager as any
    const [row] = await em.execute(
      `UPDATE "payment_operation" SET "attempts" = "attempts" + 1, "lease_until" = now() + (? * interval '1 millisecond'), "updated_at" = now()
        WHERE "id" = ? AND "state" IN ('PENDING', 'UNKNOWN') ${options.force ? "" : `AND "lease_until" < now()`}
        RETURNING *`,
      [leaseMs, id]
    )
    return row ? toOperation(row) : null
  }

  /** Shipping the order's succeeded captures took (minor units): shipping is captured with the first physical line. */
  @InjectManager()
  async capturedShippingMinor(orderId: string, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const em = sharedContext.manager as any
    const [row] = await em.execute(
      `SELECT coalesce(sum("shipping_amount"), 0)::bigint AS "s" FROM "payment_operation"
        WHERE "order_id" = ? AND "kind" = 'capture' AND "state" = 'SUCCEEDED' AND "deleted_at" IS NULL`,
      [orderId]
    )
    return Number(row.s)
  }

  /** Succeeded operations whose follow-up (ledger, the move they served) is not recorded as done. */
  @InjectManager()
  async listUnfinishedOperations(filter: { line_id?: string; settled_before?: Date; limit?: number }, @MedusaContext() sharedContext: Context = {}): Promise<StoredOperation[]> {
    const em = sharedContext.manager as any
    const where = [`"state" = 'SUCCEEDED'`, `"finished_at" IS NULL`, `"deleted_at" IS NULL`]
    const params: unknown[] = []
    if (filter.line_id) {
      where.push(`"line_id" = ?`)
      params.push(filter.line_id)
    }
    if (filter.settled_before) {
      where.push(`"settled_at" < ?`)
      params.push(filter.settled_before)
    }
    const rows = await em.execute(`SELECT * FROM "payment_operation" WHERE ${where.join(" AND ")} ORDER BY "created_at" LIMIT ${filter.limit ?? 200}`, params)
    return rows.map(toOperation)
  }

  @InjectManager()
  async markOperationsFinished(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!ids.length) return
    const em = sharedContext.manager as any
    await em.execute(`UPDATE "payment_operation" SET "finished_at" = now(), "updated_at" = now() WHERE "id" IN (${ids.map(() => "?").join(", ")}) AND "finished_at" IS NULL`, ids)
  }

  /** The succeeded refund a caller's X-Idempotency-Key already made on this line, if any. */
  @InjectManager()
  async findRefundByRequestKey(lineId: string, requestKey: string, @MedusaContext() sharedContext: Context = {}): Promise<StoredOperation | null> {
    const em = sharedContext.manager as any
    const [row] = await em.execute(
      `SELECT * FROM "payment_operation" WHERE "line_id" = ? AND "kind" = 'refund' AND "state" = 'SUCCEEDED' AND "context"->>'request_key' = ? AND "deleted_at" IS NULL LIMIT 1`,
      [lineId, requestKey]
    )
    return row ? toOperation(row) : null
  }

  /** Open operations: of one order (any lease), or every one whose lease has lapsed. */
  @InjectManager()
  async listOpenOperations(filter: { order_id?: string; lapsed?: boolean; limit?: number }, @MedusaContext() sharedContext: Context = {}): Promise<StoredOperation[]> {
    const em = sharedContext.manager as any
    const where = [`"state" IN ('PENDING', 'UNKNOWN')`, `"deleted_at" IS NULL`]
    const params: unknown[] = []
    if (filter.order_id) {
      where.push(`"order_id" = ?`)
      params.push(filter.order_id)
    }
    if (filter.lapsed) where.push(`"lease_until" < now()`)
    const rows = await em.execute(`SELECT * FROM "payment_operation" WHERE ${where.join(" AND ")} ORDER BY "created_at" LIMIT ${filter.limit ?? 200}`, params)
    return rows.map(toOperation)
  }

  /**
   * Compare-and-set move of a line's state: of two concurrent moves from the same state exactly
   * one changes the row. Returns false when the line was not in `from` any more.
   */
  @InjectManager()
  async moveLineState(
    input: { id: string; from: string; to: string; carrier?: string | null; tracking_number?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const em = sharedContext.manager as any
    const sets = [`"state" = ?`, `"state_entered_at" = now()`, `"updated_at" = now()`]
    const params: unknown[] = [input.to]
    if (input.carrier !== undefined) {
      sets.push(`"carrier" = ?`)
      params.push(input.carrier)
    }
    if (input.tracking_number !== undefined) {
      sets.push(`"tracking_number" = ?`)
      params.push(input.tracking_number)
    }
    const rows = await em.execute(`UPDATE "order_line" SET ${sets.join(", ")} WHERE "id" = ? AND "state" = ? RETURNING "id"`, [...params, input.id, input.from])
    return rows.length > 0
  }
}

function toOperation(row: any): StoredOperation {
  const context = typeof row.context === "string" ? JSON.parse(row.context) : row.context
  return {
    id: row.id, kind: row.kind, state: row.state, order_id: row.order_id, payment_id: row.payment_id, line_id: row.line_id,
    currency_code: row.currency_code, amount: Number(row.amount), line_amount: Number(row.line_amount), shipping_amount: Number(row.shipping_amount),
    idempotency_key: row.idempotency_key, attempts: Number(row.attempts), lease_until: new Date(row.lease_until),
    medusa_record_id: row.medusa_record_id ?? null, context: context ?? null, created_at: new Date(row.created_at),
  }
}
