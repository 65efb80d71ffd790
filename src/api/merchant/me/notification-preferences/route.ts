import type { MedusaResponse } from "@medusajs/framework/http"
import type { MerchantRequest } from "../../context"
import { listPreferences, setPreferences } from "../../../notifications/preferences"
import type { SetPreferences } from "../../../notifications/validators"

// Each member of the merchant's staff has their own settings.
const me = (req: MerchantRequest<any>) => ({ type: "merchant_user" as const, id: req.merchantContext.merchant_user.id })

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  res.json(await listPreferences(req.scope, me(req)))
}

export const POST = async (req: MerchantRequest<SetPreferences>, res: MedusaResponse) => {
  res.json(await setPreferences(req.scope, me(req), (req as any).validatedBody))
}
