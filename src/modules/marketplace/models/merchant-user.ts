import { model } from "@medusajs/framework/utils"
import { Merchant } from "./merchant"

import { MERCHANT_ROLES } from "../../../lib/merchant-roles"

export { MERCHANT_ROLES, type MerchantRole } from "../../../lib/merchant-roles"

// A person who works for one merchant; the auth identity's app_metadata.merchant_id points here.
export const MerchantUser = model.define("merchant_user", {
  id: model.id({ prefix: "meruser" }).primaryKey(),
  email: model.text().unique(),
  role: model.enum([...MERCHANT_ROLES]),
  merchant: model.belongsTo(() => Merchant, { mappedBy: "users" }),
})
