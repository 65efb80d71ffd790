import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { SNAIL_EVENTS } from "../../lib/events"
import { toMinor } from "../../lib/money"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"

type ReportRow = { type: "capture" | "refund"; id: string; payment_intent: string; amount: number; currency: string; created: number }
type Totals = { capture: number; refund: number; currency: string; payment_id?: string }

const SANDBOX_PROVIDER = "pp_sandbox_sandbox"

/** Reads the sandbox PSP's settlement report (docs/sandbox-psp.md) for [from, to). */
export async function fetchSandboxSettlements(period: { from: Date; to: Date }, env = process.env): Promise<ReportRow[]> {
  const base = env.SANDBOX_PSP_URL || "http://localhost:9010"
  const url = `${base}/v1/reports/settlements?created_gte=${Math.floor(period.from.getTime() / 1000)}&created_lt=${Math.ceil(period.to.getTime() / 1000)}`
  const res = await fetch(url, { headers: { authorization: `Bearer ${env.SANDBOX_PSP_API_KEY || "sk_sandbox_dev"}` }, signal: AbortSignal.timeout(30_000) })
  if (!res.ok) throw new Error(`Settlement report failed: HTTP ${res.status}`)
  return ((await res.json()) as { data: ReportRow[] }).data
}

/**
 * Daily reconciliation (issue 5 §8): per payment, what the PSP says it captured and refunded in the
 * period against Medusa's captures and refunds; and, over all time, the ledger's buyer clearing
 * against Medusa's captures less refunds. Differences are stored for the admin (once per day and
 * payment: a re-run of the same day updates nothing twice).
 */
export async function reconcilePayments(container: MedusaContainer, period: { from: Date; to: Date }, report?: ReportRow[]) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  const paymentModule = container.resolve(Modules.PAYMENT)
  const runDate = period.from.toISOString().slice(0, 10)
  const rows = report ?? (await fetchSandboxSettlements(period))

  const theirs = new Map<string, Totals>()
  for (const r of rows) {
    const t = theirs.get(r.payment_intent) ?? { capture: 0, refund: 0, currency: r.currency }
    t[r.type] += r.amount
    theirs.set(r.payment_intent, t)
  }

  const payments = await paymentModule.listPayments({ provider_id: SANDBOX_PROVIDER } as any, { relations: ["captures", "refunds"], take: 100_000 } as any)
  const ours = new Map<string, Totals>()
  const inPeriod = (d: unknown) => { const t = new Date(d as any).getTime(); return t >= period.from.getTime() && t < period.to.getTime() }
  const netPaidIn = new Map<string, number>() // per currency: captured less refunded, all time
  for (const p of payments as any[]) {
    const intent = p.data?.intent_id
    const currency = p.currency_code
    const captures = (p.captures ?? []).filter(Boolean)
    const refunds = (p.refunds ?? []).filter(Boolean)
    netPaidIn.set(currency, (netPaidIn.get(currency) ?? 0)
      + captures.reduce((s: number, c: any) => s + toMinor(c.amount, currency), 0)
      - refunds.reduce((s: number, r: any) => s + toMinor(r.amount, currency), 0))
    if (!intent) continue
    const t = ours.get(intent) ?? { capture: 0, refund: 0, currency, payment_id: p.id }
    t.capture += captures.filter((c: any) => inPeriod(c.created_at)).reduce((s: number, c: any) => s + toMinor(c.amount, currency), 0)
    t.refund += refunds.filter((r: any) => inPeriod(r.created_at)).reduce((s: number, r: any) => s + toMinor(r.amount, currency), 0)
    ours.set(intent, t)
  }

  const mismatches: any[] = []
  for (const intent of new Set([...theirs.keys(), ...ours.keys()])) {
    const a = ours.get(intent)
    const b = theirs.get(intent)
    if (!a && b) { mismatches.push({ kind: "missing_in_books", provider_reference: intent, currency_code: b.currency, ours: 0, theirs: b.capture + b.refund, detail: `PSP has ${b.capture} captured / ${b.refund} refunded we do not know` }); continue }
    if (!a || !b) { if (a && (a.capture || a.refund)) mismatches.push({ kind: "missing_at_provider", payment_id: a.payment_id, provider_reference: intent, currency_code: a.currency, ours: a.capture + a.refund, theirs: 0, detail: "Our captures/refunds are not in the PSP report" }); continue }
    if (a.capture !== b.capture) mismatches.push({ kind: "capture", payment_id: a.payment_id, provider_reference: intent, currency_code: a.currency, ours: a.capture, theirs: b.capture, detail: "Captured amounts differ" })
    if (a.refund !== b.refund) mismatches.push({ kind: "refund", payment_id: a.payment_id, provider_reference: intent, currency_code: a.currency, ours: a.refund, theirs: b.refund, detail: "Refunded amounts differ" })
  }
  // The ledger against Medusa's payments, all time, per currency. (Payments taken before the ledger
  // existed would show here once as a difference, for an admin to acknowledge.)
  for (const [currency, paidIn] of netPaidIn) {
    const clearing = (await marketplace.ledgerBalances({ accounts: ["BUYER_CLEARING"], currency_code: currency })).reduce((s, r) => s + r.amount, 0)
    if (-clearing !== paidIn) {
      mismatches.push({ kind: "ledger", provider_reference: `ledger:${currency}`, currency_code: currency, ours: -clearing, theirs: paidIn, detail: "Ledger buyer clearing differs from the payments' captures less refunds" })
    }
  }

  const existing = await marketplace.listReconciliationMismatches({ run_date: runDate }, { select: ["kind", "payment_id", "provider_reference"] })
  const seen = new Set(existing.map((m) => `${m.kind}:${m.payment_id ?? m.provider_reference ?? ""}`))
  const fresh = mismatches.filter((m) => !seen.has(`${m.kind}:${m.payment_id ?? m.provider_reference ?? ""}`))
  if (fresh.length) await (marketplace.createReconciliationMismatches as any)(fresh.map((m) => ({ ...m, run_date: runDate, payment_id: m.payment_id ?? null })))
  await container.resolve(Modules.EVENT_BUS).emit({ name: SNAIL_EVENTS.RECONCILIATION_COMPLETED, data: { run_date: runDate, mismatches: mismatches.length } })
  return { run_date: runDate, checked: ours.size, report_rows: rows.length, mismatches }
}
