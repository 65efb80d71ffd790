import type { MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../modules/marketplace/service"
import type { MerchantRequest } from "../../context"
import type { MemberLocaleBody } from "../../validators"

/**
 * POST /merchant/me/locale { locale } — the member's own language (the dashboard's language picker
 * sets it): the shop's e-mails reach this member in it. `null` goes back to the shop's default_locale.
 */
export const POST = async (req: MerchantRequest<MemberLocaleBody>, res: MedusaResponse) => {
  const service: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE)
  const id = req.merchantContext.merchant_user.id
  await service.updateMerchantUsers({ id, locale: req.validatedBody.locale } as any)
  const [user] = await service.listMerchantUsers({ id })
  res.json({ merchant_user: { id: user.id, email: user.email, role: user.role, locale: (user as any).locale ?? null } })
}
