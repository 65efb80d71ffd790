import { model } from "@medusajs/framework/utils"
import { STAFF_ROLES } from "../../../lib/merchant-roles"
import { Merchant } from "./merchant"

// Only a hash of the token is stored: a leaked database does not leak usable invites.
export const MerchantInvite = model.define("merchant_invite", {
  id: model.id({ prefix: "merinv" }).primaryKey(),
  email: model.text(),
  token_hash: model.text().unique(),
  expires_at: model.dateTime(),
  accepted_at: model.dateTime().nullable(),
  invited_by: model.text(),
  // The role the invitee joins with (src/lib/merchant-roles.ts); the owner can change it later.
  role: model.enum([...STAFF_ROLES]).default("MANAGER"),
  merchant: model.belongsTo(() => Merchant, { mappedBy: "invites" }),
})
