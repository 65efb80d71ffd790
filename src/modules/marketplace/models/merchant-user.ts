import { model } from "@medusajs/framework/utils"
import { Merchant } from "./merchant"

import { MERCHANT_ROLES } from "../../../lib/merchant-roles"

export { MERCHANT_ROLES, type MerchantRole } from "../../../lib/merchant-roles"

// A person who works for one merchant; the auth identity's app_metadata.merchant_id points here.
export const MerchantUser = model.define("merchant_user", {
  id: model.id({ prefix: "meruser" }).primaryKey(),
  email: model.text().unique(),
  role: model.enum([...MERCHANT_ROLES]),
  // The member's own language for e-mails and the dashboard (en, ru, ar); null: the shop's default_locale.
  locale: model.text().nullable(),
  merchant: model.belongsTo(() => Merchant, { mappedBy: "users" }),
})
