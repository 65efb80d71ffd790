import { model } from "@medusajs/framework/utils"
import { AGENT_TYPES } from "../../../lib/fiscal/receipt"
import { MerchantInvite } from "./merchant-invite"
import { MerchantUser } from "./merchant-user"

export const KYC_STATUSES = ["PENDING", "APPROVED", "REJECTED", "SUSPENDED"] as const
export type KycStatus = (typeof KYC_STATUSES)[number]

// Needed by fiscal receipts (RU) and tax invoices (AE): which VAT the merchant charges.
export const TAX_REGIMES = ["VAT_PAYER", "SIMPLIFIED_NO_VAT", "SIMPLIFIED_VAT_5", "SIMPLIFIED_VAT_7", "NOT_VAT_REGISTERED"] as const
export type TaxRegime = (typeof TAX_REGIMES)[number]

export const Merchant = model
  .define("merchant", {
    id: model.id({ prefix: "mer" }).primaryKey(),
    handle: model.text().unique(),
    legal_name: model.text(),
    display_name: model.text().searchable(),
    country_code: model.text(),
    // inn, trn, legal_address, contact_phone and payout_method are stored encrypted (sensitive-columns.ts);
    // the hashes are keyed, for finding a merchant by its exact tax id.
    legal_address: model.text().nullable(),
    inn: model.text().nullable(),
    trn: model.text().nullable(),
    inn_hash: model.text().nullable(),
    trn_hash: model.text().nullable(),
    tax_regime: model.enum([...TAX_REGIMES]),
    payout_method: model.json().nullable(),
    kyc_status: model.enum([...KYC_STATUSES]).default("PENDING"),
    kyc_reason: model.text().nullable(),
    contact_email: model.text(),
    contact_phone: model.text().nullable(),
    default_locale: model.text().default("en"),
    // The platform's role under its contract with the merchant, printed on RU agent receipts (tag 1222);
    // null = the platform default (FISCAL_AGENT_TYPE_DEFAULT).
    fiscal_agent_type: model.enum([...AGENT_TYPES]).nullable(),
    users: model.hasMany(() => MerchantUser, { mappedBy: "merchant" }),
    invites: model.hasMany(() => MerchantInvite, { mappedBy: "merchant" }),
  })
  .indexes([{ on: ["kyc_status"] }, { on: ["inn_hash"] }, { on: ["trn_hash"] }])
  .cascades({ delete: ["users", "invites"] })
