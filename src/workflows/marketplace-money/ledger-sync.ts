import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { escrowHoldMs, releaseStates } from "../../lib/marketplace-money/config"
import { type LedgerLine, planLineJournals, shippingJournal, type StoredEntry } from "../../lib/marketplace-money/ledger"
import { capturePointOf } from "../../lib/line-process/capture-point"
import { storedMinor, toMinor } from "../../lib/money"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"

export function toLedgerLine(s: any): LedgerLine {
  return {
    order_line_id: s.order_line_id, order_id: s.order_id, merchant_id: s.merchant_id, currency_code: s.currency_code,
    gross: storedMinor(s.gross), net: storedMinor(s.net), commission: storedMinor(s.commission), commission_vat: storedMinor(s.commission_vat), platform_discount: storedMinor(s.platform_discount ?? 0), refund_reverses_commission: s.refund_reverses_commission !== false,
  }
}

/**
 * Brings one line's ledger in step with its payments (captures, refunds) and, when asked, releases
 * its escrow. Runs under a lock per line so concurrent events cannot both book the same delta; the
 * journal keys would refuse a duplicate anyway.
 */
export async function syncLineLedger(container: MedusaContainer, orderLineId: string, options: { release?: boolean; disputeId?: string | null } = {}) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  return container.resolve(Modules.LOCKING).execute(`ledger:${orderLineId}`, async () => {
    const [split] = await marketplace.listSplitLines({ order_line_id: orderLineId })
    const [line] = await lines.listOrderLines({ id: orderLineId })
    if (!split || !line) return { posted: [] as string[] }
    const entries = (await marketplace.listLedgerEntries({ order_line_id: orderLineId }, { order: { created_at: "ASC" } })).map(
      (e: any): StoredEntry => ({ account: e.account, merchant_id: e.merchant_id, amount: storedMinor(e.amount), journal_key: e.journal_key, kind: e.kind, order_line_id: e.order_line_id })
    )
    const currency = line.currency_code
    const journals = planLineJournals(toLedgerLine(split), entries, {
      captured: toMinor((line.captured_amount as any) ?? 0, currency),
      refunded: toMinor((line.refunded_amount as any) ?? 0, currency),
      capturePoint: capturePointOf(line.state),
    }, options)
    const posted = await marketplace.postJournals(journals)
    const updates: Record<string, unknown> = {}
    // Released once its escrow moved; a line that was captured but has nothing left in escrow (refunded)
    // counts as released too. An uncaptured line stays due, so a late capture is still released later.
    const captured = toMinor((line.captured_amount as any) ?? 0, currency)
    const free = storedMinor(split.gross) === 0
    if (!split.released_at && (posted.some((k) => k.startsWith("release:")) || (options.release && (captured > 0 || free)))) updates.released_at = new Date()
    // The hold starts when the line reaches its release state (delivered / served / access granted).
    if (!split.release_after && releaseStates(line.kind).includes(line.state)) updates.release_after = new Date(Date.now() + escrowHoldMs())
    if (Object.keys(updates).length) await marketplace.updateSplitLines({ id: split.id, ...updates } as any)
    return { posted }
  }, { timeout: 30 })
}

/**
 * Books shipping as it is captured: exactly the shipping the order's succeeded capture operations
 * took (the payment-operations journal), never a residual (see docs/marketplace-money.md, issue 17 §5).
 */
export async function syncOrderShipping(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  const lines: OrderLinesModuleService = container.resolve(ORDER_LINES_MODULE)
  return container.resolve(Modules.LOCKING).execute(`ledger-shipping:${orderId}`, async () => {
    const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "currency_code"], filters: { id: orderId } })
    if (!order || !(await marketplace.listOrderSplits({ order_id: orderId }, { take: 1 })).length) return []
    const booked = (await marketplace.ledgerBalances({ accounts: ["PLATFORM_SHIPPING"], order_id: orderId }))
      .reduce((s, r) => s + r.amount, 0)
    const journal = shippingJournal(orderId, order.currency_code, booked, await lines.capturedShippingMinor(orderId))
    return journal ? marketplace.postJournals([journal]) : []
  }, { timeout: 30 })
}
