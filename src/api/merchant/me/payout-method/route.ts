import type { MedusaResponse } from "@medusajs/framework/http"
import { updateMerchantPayoutMethodWorkflow } from "../../../../workflows/marketplace/update-merchant-payout-method"
import type { MerchantRequest } from "../../context"
import type { MerchantPayoutMethodBody } from "../../validators"
import { presentMerchant } from "../present"

/**
 * POST /merchant/me/payout-method — the owner or finance sets where payouts go: a bank account
 * (holder, IBAN, optional BIC) or a Stripe Connect account. Checked before it is stored (400
 * INVALID_IBAN / INVALID_BIC / INVALID_STRIPE_ACCOUNT), sealed at rest, answered masked.
 */
export const POST = async (req: MerchantRequest<MerchantPayoutMethodBody>, res: MedusaResponse) => {
  const { merchant_id: _own, ...method } = req.validatedBody
  const { result } = await updateMerchantPayoutMethodWorkflow(req.scope).run({
    input: { merchant_id: req.merchantContext.merchant.id, method, actor_id: req.merchantContext.merchant_user.id },
  })
  res.json({ merchant: presentMerchant(result) })
}
