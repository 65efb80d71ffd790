import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { toMinor } from "../../lib/money"
import { LINE_AMOUNT_FIELDS, orderItemAmounts, shippingTotalMinor } from "../../lib/order-items"
import { sumMinor } from "../../lib/payments"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"

export type MoneyViolation = { order_id: string | null; rule: string; message: string }
export type MoneyReport = { ok: boolean; orders_checked: number; violations: MoneyViolation[] }

/** An operation may stay open this long (its lease, plus the recovery job's minute) before it is a violation. */
const GRACE_MS = Number(process.env.VERIFY_MONEY_GRACE_MS ?? 2 * 60_000)

/**
 * The money invariants of DESIGN.md §3/§4 over every order with order lines, read-only:
 * journal = Medusa payments (captures, refunds per payment); lines' captured/refunded (+ shipping)
 * = the journal's succeeded operations = Medusa's records; refunds ≤ captures per line and per
 * payment; no operation left open or unfinished past its grace; every ledger journal balances; the
 * ledger booked each line's captures and refunds and the order's shipping; per merchant and
 * currency, escrow + available + in transit + paid out = what captures and refunds booked to it.
 * With `psp`, the sandbox PSP's own figures are compared too (sandbox payments only).
 */
export async function verifyMoney(container: MedusaContainer, options: { now?: Date; psp?: (payment: any) => Promise<{ captured: number; refunded: number } | null> } = {}): Promise<MoneyReport> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const lines = container.resolve<OrderLinesModuleService>(ORDER_LINES_MODULE)
  const now = options.now ?? new Date()
  const violations: MoneyViolation[] = []
  const add = (order_id: string | null, rule: string, message: string) => violations.push({ order_id, rule, message })

  const orderIds: string[] = (await pg.raw(`SELECT DISTINCT "order_id" FROM "order_line" WHERE "deleted_at" IS NULL`)).rows.map((r: any) => r.order_id)
  const opRows: any[] = (await pg.raw(`SELECT * FROM "payment_operation" WHERE "deleted_at" IS NULL`)).rows
  const ledgerRows: any[] = (await pg.raw(`SELECT "journal_key", "kind", "account", "merchant_id", "currency_code", "amount", "order_id", "order_line_id" FROM "ledger_entry" WHERE "deleted_at" IS NULL`)).rows
  const splitLineIds = new Set<string>((await pg.raw(`SELECT "order_line_id" FROM "split_line" WHERE "deleted_at" IS NULL`)).rows.map((r: any) => r.order_line_id))

  for (const op of opRows) {
    const age = now.getTime() - new Date(op.lease_until).getTime()
    if ((op.state === "PENDING" || op.state === "UNKNOWN") && age > GRACE_MS) {
      add(op.order_id, "operation_unsettled", `${op.kind} operation ${op.id} (${op.amount} minor ${op.currency_code}) is still ${op.state} ${Math.round(age / 1000)} s after its lease`)
    }
    if (op.state === "SUCCEEDED" && !op.finished_at && op.settled_at && now.getTime() - new Date(op.settled_at).getTime() > GRACE_MS) {
      add(op.order_id, "operation_unfinished", `${op.kind} operation ${op.id} succeeded but its ledger booking / line move was never finished`)
    }
  }

  for (let i = 0; i < orderIds.length; i += 50) {
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "currency_code", "items.id", ...LINE_AMOUNT_FIELDS,
        "shipping_methods.amount", "shipping_methods.is_tax_inclusive", "shipping_methods.adjustments.amount", "shipping_methods.adjustments.version", "shipping_methods.tax_lines.rate",
        "payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.data", "payment_collections.payments.amount",
        "payment_collections.payments.captures.amount", "payment_collections.payments.refunds.amount"],
      filters: { id: orderIds.slice(i, i + 50) },
    })
    for (const order of orders as any[]) {
      const currency = order.currency_code
      const orderLines = await lines.listOrderLines({ order_id: order.id })
      const ops = opRows.filter((o) => o.order_id === order.id && o.state === "SUCCEEDED")
      const payments = (order.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? []).filter(Boolean)
      let medusaCaptured = 0
      for (const p of payments) {
        const captured = sumMinor(p.captures, currency)
        const refunded = sumMinor(p.refunds, currency)
        medusaCaptured += captured
        const opCaptured = ops.filter((o) => o.payment_id === p.id && o.kind === "capture").reduce((s, o) => s + Number(o.amount), 0)
        const opRefunded = ops.filter((o) => o.payment_id === p.id && o.kind === "refund").reduce((s, o) => s + Number(o.amount), 0)
        if (captured !== opCaptured) add(order.id, "payment_captures_journaled", `payment ${p.id}: Medusa holds captures of ${captured}, the journal ${opCaptured} (minor ${currency})`)
        if (refunded !== opRefunded) add(order.id, "payment_refunds_journaled", `payment ${p.id}: Medusa holds refunds of ${refunded}, the journal ${opRefunded} (minor ${currency})`)
        if (refunded > captured) add(order.id, "payment_refund_exceeds_capture", `payment ${p.id}: refunded ${refunded} > captured ${captured}`)
        if (captured > toMinor(p.amount ?? 0, currency)) add(order.id, "payment_capture_exceeds_authorization", `payment ${p.id}: captured ${captured} > authorized ${toMinor(p.amount ?? 0, currency)}`)
        if (options.psp) {
          const psp = await options.psp(p).catch((e: any) => ({ error: e?.message ?? String(e) }) as any)
          if (psp?.error) add(order.id, "psp_unreachable", `payment ${p.id}: the PSP could not be asked (${psp.error})`)
          else if (psp && (psp.captured !== captured || psp.refunded !== refunded)) {
            add(order.id, "psp_matches_medusa", `payment ${p.id}: the PSP holds captured ${psp.captured} / refunded ${psp.refunded}, Medusa ${captured} / ${refunded}`)
          }
        }
      }
      // Each line's price after its share of promotions, with its tax: what its capture may take at most.
      const prices = orderItemAmounts((order.items ?? []).filter(Boolean), currency)
      let linesCaptured = 0
      for (const line of orderLines) {
        const captured = toMinor((line.captured_amount as any) ?? 0, currency)
        const refunded = toMinor((line.refunded_amount as any) ?? 0, currency)
        linesCaptured += captured
        const opCaptured = ops.filter((o) => o.line_id === line.id && o.kind === "capture").reduce((s, o) => s + Number(o.line_amount), 0)
        const opRefunded = ops.filter((o) => o.line_id === line.id && o.kind === "refund").reduce((s, o) => s + Number(o.line_amount), 0)
        if (captured !== opCaptured || refunded !== opRefunded) {
          add(order.id, "line_totals_from_journal", `line ${line.id}: shows captured ${captured} / refunded ${refunded}, its succeeded operations ${opCaptured} / ${opRefunded}`)
        }
        if (refunded > captured) add(order.id, "line_refund_exceeds_capture", `line ${line.id}: refunded ${refunded} > captured ${captured}`)
        const price = prices.get(line.line_item_id)?.total
        if (price !== undefined && captured > price) add(order.id, "line_capture_exceeds_price", `line ${line.id}: captured ${captured} > its price ${price}`)
        if (splitLineIds.has(line.id)) {
          const entries = ledgerRows.filter((e) => e.order_line_id === line.id && e.account === "BUYER_CLEARING")
          const booked = -entries.filter((e) => e.kind === "capture").reduce((s, e) => s + Number(e.amount), 0)
          const bookedRefunds = entries.filter((e) => e.kind === "refund").reduce((s, e) => s + Number(e.amount), 0)
          if (booked !== captured || bookedRefunds !== refunded) {
            add(order.id, "ledger_books_line", `line ${line.id}: the ledger booked captured ${booked} / refunded ${bookedRefunds}, the line holds ${captured} / ${refunded}`)
          }
        }
      }
      const shippingCaptured = ops.filter((o) => o.kind === "capture").reduce((s, o) => s + Number(o.shipping_amount), 0)
      const shippingTotal = shippingTotalMinor(order.shipping_methods, currency)
      if (shippingCaptured > shippingTotal) add(order.id, "shipping_capture_exceeds_price", `shipping captured ${shippingCaptured} > shipping charged ${shippingTotal}`)
      if (medusaCaptured !== linesCaptured + shippingCaptured) {
        add(order.id, "captures_cover_lines_and_shipping", `Medusa captured ${medusaCaptured}; lines ${linesCaptured} + shipping ${shippingCaptured} = ${linesCaptured + shippingCaptured}`)
      }
      if (orderLines.some((l) => splitLineIds.has(l.id))) {
        const bookedShipping = ledgerRows.filter((e) => e.order_id === order.id && e.account === "PLATFORM_SHIPPING").reduce((s, e) => s + Number(e.amount), 0)
        if (bookedShipping !== shippingCaptured) add(order.id, "ledger_books_shipping", `the ledger booked shipping ${bookedShipping}, the journal captured ${shippingCaptured}`)
      }
    }
  }

  const journals = new Map<string, { sum: number; order_id: string | null }>()
  for (const e of ledgerRows) {
    const key = `${e.journal_key}|${e.currency_code}`
    const j = journals.get(key) ?? { sum: 0, order_id: e.order_id ?? null }
    j.sum += Number(e.amount)
    journals.set(key, j)
  }
  for (const [key, j] of journals) if (j.sum !== 0) add(j.order_id, "journal_balances", `ledger journal ${key.split("|")[0]} does not balance (off by ${j.sum})`)

  const merchantAccounts = ["MERCHANT_ESCROW", "MERCHANT_AVAILABLE", "PAYOUTS_IN_TRANSIT", "PAYOUTS_PAID"]
  const held = new Map<string, { all: number; booked: number }>()
  for (const e of ledgerRows.filter((r) => r.merchant_id && merchantAccounts.includes(r.account))) {
    const key = `${e.merchant_id}|${e.currency_code}`
    const h = held.get(key) ?? { all: 0, booked: 0 }
    h.all += Number(e.amount)
    if (e.kind === "capture" || e.kind === "refund") h.booked += Number(e.amount)
    held.set(key, h)
  }
  for (const [key, h] of held) {
    if (h.all !== h.booked) {
      const [merchant, currency] = key.split("|")
      add(null, "merchant_money_conserved", `merchant ${merchant} (${currency}): escrow + available + in transit + paid = ${h.all}, but captures and refunds booked ${h.booked}`)
    }
  }
  return { ok: violations.length === 0, orders_checked: orderIds.length, violations }
}

