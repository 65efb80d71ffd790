import type { ExecArgs } from "@medusajs/framework/types"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"

/**
 * Demo commission rules (issue 5) and payout methods, once: Desert Wellness negotiated 12 %,
 * courses pay 15 % plus 0.30 EUR per line; everything else the platform default (10 %).
 * Self-idempotent: skipped when any rule exists.
 */
export async function seedMarketplaceMoney(container: ExecArgs["container"]) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  if ((await marketplace.listCommissionRules({}, { take: 1 })).length) return
  const merchants = await marketplace.listMerchants({ handle: ["snail-goods", "desert-wellness", "slow-academy"] })
  const byHandle = new Map(merchants.map((m) => [m.handle, m] as const))
  const desert = byHandle.get("desert-wellness")
  await marketplace.createCommissionRules([
    ...(desert ? [{ merchant_id: desert.id, rate_bps: 1200, note: "Negotiated rate (demo)" }] : []),
    { product_kind: "COURSE", rate_bps: 1500, fixed_fee_minor: 30, fixed_fee_currency: "eur", note: "Digital courses (demo)" },
  ] as any)
  const payoutMethods: Record<string, Record<string, string>> = {
    "snail-goods": { type: "bank_transfer", account_number: "40702810900000000001", bic: "044525225" },
    "desert-wellness": { type: "bank_transfer", iban: "AE070331234567890123456" },
    "slow-academy": { type: "bank_transfer", iban: "DE89370400440532013000", bic: "COBADEFFXXX" },
  }
  for (const [handle, method] of Object.entries(payoutMethods)) {
    const m = byHandle.get(handle)
    if (m && !m.payout_method) await marketplace.updateMerchants({ id: m.id, payout_method: method } as any)
  }
}
