import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SNAIL_EVENTS } from "../../lib/events"
import { payoutMinimum } from "../../lib/marketplace-money/config"
import { payoutJournal, payoutSettledJournal, planPayouts } from "../../lib/marketplace-money/ledger"
import { SnailError } from "../../lib/snail-error"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import { providerFor } from "../../modules/marketplace/providers/payout"
import { ManualBankTransferProvider } from "../../modules/marketplace/providers/payout/manual-bank-transfer"
import type MarketplaceModuleService from "../../modules/marketplace/service"
import { storedMinor } from "../../lib/money"

const MANUAL_PROVIDER = new ManualBankTransferProvider().id

type BatchInput = { run_key: string; trigger: "schedule" | "admin"; triggered_by?: string | null; merchant_id?: string; currency_code?: string }

/**
 * One payout per merchant and currency whose available balance (less what open disputes freeze)
 * reaches the minimum. The batch's run key is unique: running it again returns the first run and
 * pays nothing; and each payout moves its money out of `available` as it is created, so even a
 * second key run right after finds nothing left to pay.
 */
export async function runPayoutBatch(container: MedusaContainer, input: BatchInput) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  return container.resolve(Modules.LOCKING).execute("payout-batches", async () => {
    const [existing] = await marketplace.listPayoutBatches({ run_key: input.run_key }, { relations: ["payouts"] })
    if (existing) return { batch: existing, created: false }
    const batch = await marketplace.createPayoutBatches({ run_key: input.run_key, trigger: input.trigger, triggered_by: input.triggered_by ?? null })

    const available = await marketplace.ledgerBalances({ accounts: ["MERCHANT_AVAILABLE"], merchant_id: input.merchant_id, currency_code: input.currency_code })
    const frozen = await frozenByDisputes(marketplace, input.merchant_id)
    const plan = planPayouts(
      available.filter((b) => b.merchant_id).map((b) => ({
        merchant_id: b.merchant_id!, currency_code: b.currency_code, available: b.amount, frozen: frozen.get(`${b.merchant_id}:${b.currency_code}`) ?? 0,
      })),
      payoutMinimum
    )
    const merchants = plan.length ? await marketplace.listMerchants({ id: plan.map((p) => p.merchant_id) }) : []
    const byId = new Map(merchants.map((m) => [m.id, m] as const))
    for (const p of plan) {
      const merchant = byId.get(p.merchant_id)
      // A suspended (or no longer approved) merchant's money waits in its available balance.
      if (!merchant || merchant.kyc_status !== "APPROVED") continue
      const provider = providerFor({ id: merchant.id, legal_name: merchant.legal_name, payout_method: merchant.payout_method as any })
      const payout = await marketplace.createPayouts({ batch_id: batch.id, merchant_id: p.merchant_id, currency_code: p.currency_code, amount: p.amount, provider: provider.id } as any)
      try {
        await marketplace.postJournals([payoutJournal({ id: payout.id, merchant_id: p.merchant_id, currency_code: p.currency_code, amount: p.amount })])
      } catch (e) {
        // No money moved: drop the payout rather than leave one the ledger does not know.
        await marketplace.deletePayouts(payout.id)
        throw e
      }
      try {
        await sendPayout(container, payout.id)
      } catch (e: any) {
        // The provider's answer is unknown: the payout stays PENDING with the error, for a retry or an operator.
        await marketplace.updatePayouts({ id: payout.id, failure_reason: `send failed: ${e?.message ?? e}` } as any)
      }
    }
    const [result] = await marketplace.listPayoutBatches({ id: batch.id }, { relations: ["payouts"] })
    return { batch: result, created: true }
  }, { timeout: 120 })
}

/** Released funds of lines under an open dispute, per merchant and currency: they stay put. */
async function frozenByDisputes(marketplace: MarketplaceModuleService, merchantId?: string) {
  const open = await marketplace.listDisputes({ status: "OPEN", ...(merchantId ? { merchant_id: merchantId } : {}) }, { select: ["order_line_id"] })
  const frozen = new Map<string, number>()
  if (!open.length) return frozen
  const rows = await marketplace.ledgerBalances({ accounts: ["MERCHANT_AVAILABLE"], order_line_ids: open.map((d) => d.order_line_id) })
  for (const r of rows) if (r.merchant_id) frozen.set(`${r.merchant_id}:${r.currency_code}`, (frozen.get(`${r.merchant_id}:${r.currency_code}`) ?? 0) + Math.max(0, r.amount))
  return frozen
}

/** Hands a PENDING payout to its provider; a definite refusal fails it (money back to available). */
export async function sendPayout(container: MedusaContainer, payoutId: string) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  const [payout] = await marketplace.listPayouts({ id: payoutId })
  if (!payout || payout.status !== "PENDING") return payout
  const merchant = await marketplace.retrieveMerchant(payout.merchant_id)
  const provider = providerFor({ id: merchant.id, legal_name: merchant.legal_name, payout_method: merchant.payout_method as any })
  const result = await provider.send({
    reference: payout.id,
    merchant: { id: merchant.id, legal_name: merchant.legal_name, payout_method: merchant.payout_method as any },
    amount_minor: storedMinor(payout.amount),
    currency_code: payout.currency_code,
  })
  if (result.status === "PENDING") {
    if (result.provider_reference || result.failure_reason) await marketplace.updatePayouts({ id: payout.id, provider_reference: result.provider_reference ?? null, failure_reason: result.failure_reason ?? null } as any)
    return payout
  }
  return settlePayout(container, { payout_id: payout.id, outcome: result.status, reason: result.failure_reason ?? null, provider_reference: result.provider_reference ?? null })
}

/**
 * Sends again the PENDING payouts of automatic providers (a transfer whose answer was lost to an
 * outage): the payout id is the provider's idempotency key, so a transfer that did go through is
 * returned, never made twice. Manual bank transfers wait for an operator instead.
 */
export async function resendPendingPayouts(container: MedusaContainer, payoutIds?: string[]) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  const pending = await marketplace.listPayouts({ status: "PENDING", ...(payoutIds ? { id: payoutIds } : {}) }, { take: 500 })
  const resent: string[] = []
  for (const payout of pending) {
    if (payout.provider === MANUAL_PROVIDER) continue
    await sendPayout(container, payout.id)
    resent.push(payout.id)
  }
  return resent
}

/** PENDING → PAID | FAILED, once. FAILED returns the amount to the merchant's available balance. */
export async function settlePayout(container: MedusaContainer, input: { payout_id: string; outcome: "PAID" | "FAILED"; reason?: string | null; provider_reference?: string | null }) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  return container.resolve(Modules.LOCKING).execute(`payout:${input.payout_id}`, async () => {
    const [payout] = await marketplace.listPayouts({ id: input.payout_id })
    if (!payout) throw new SnailError(404, "NOT_FOUND", `Payout ${input.payout_id} not found`)
    if (payout.status !== "PENDING") throw new SnailError(409, "PAYOUT_NOT_PENDING", `Payout ${payout.id} is already ${payout.status}`)
    await marketplace.postJournals([payoutSettledJournal({ id: payout.id, merchant_id: payout.merchant_id, currency_code: payout.currency_code, amount: storedMinor(payout.amount) }, input.outcome)])
    const updated = await marketplace.updatePayouts({
      id: payout.id, status: input.outcome, settled_at: new Date(),
      failure_reason: input.outcome === "FAILED" ? input.reason ?? "failed" : null,
      ...(input.provider_reference ? { provider_reference: input.provider_reference } : {}),
    } as any)
    await container.resolve(Modules.EVENT_BUS).emit({
      name: input.outcome === "PAID" ? SNAIL_EVENTS.PAYOUT_PAID : SNAIL_EVENTS.PAYOUT_FAILED,
      data: { id: payout.id, merchant_id: payout.merchant_id, amount_minor: storedMinor(payout.amount), currency_code: payout.currency_code, reason: input.reason ?? null },
    })
    return updated
  }, { timeout: 30 })
}

const runPayoutBatchStep = createStep("run-payout-batch", async (input: BatchInput, { container }) => {
  return new StepResponse(await runPayoutBatch(container, input))
})

export const runPayoutBatchWorkflow = createWorkflow("run-payout-batch", (input: BatchInput) => new WorkflowResponse(runPayoutBatchStep(input)))

const settlePayoutStep = createStep("settle-payout", async (input: { payout_id: string; outcome: "PAID" | "FAILED"; reason?: string | null }, { container }) => {
  return new StepResponse(await settlePayout(container, input))
})

export const settlePayoutWorkflow = createWorkflow("settle-payout", (input: { payout_id: string; outcome: "PAID" | "FAILED"; reason?: string | null }) =>
  new WorkflowResponse(settlePayoutStep(input))
)
