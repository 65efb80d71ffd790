import type { MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../lib/snail-error"
import { updateMerchantLegalWorkflow } from "../../../../workflows/marketplace/update-merchant-legal"
import type { MerchantRequest } from "../../context"
import type { MerchantLegalBody } from "../../validators"
import { presentMerchant } from "../present"

const FIELDS = ["legal_name", "legal_address", "inn", "trn"] as const

/**
 * POST /merchant/me/legal — the owner or finance (role table, src/lib/merchant-roles.ts) changes the
 * legal profile: registered name and address, INN / TRN (e.g. a foreign seller registered with the
 * FNS that wants to sell into the RU market; docs/merchant-api.md). Address and tax ids are sealed at rest.
 */
export const POST = async (req: MerchantRequest<MerchantLegalBody>, res: MedusaResponse) => {
  const body = req.validatedBody
  if (FIELDS.every((f) => body[f] === undefined)) {
    throw new SnailError(400, "INVALID_FIELD", "Give at least one of legal_name, legal_address, inn or trn", "legal_name")
  }
  const { result } = await updateMerchantLegalWorkflow(req.scope).run({
    input: {
      merchant_id: req.merchantContext.merchant.id, inn: body.inn, trn: body.trn, legal_name: body.legal_name, legal_address: body.legal_address,
      actor_id: req.merchantContext.merchant_user.id,
    },
  })
  res.json({ merchant: presentMerchant(result) })
}
