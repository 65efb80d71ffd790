import { model } from "@medusajs/framework/utils"

/**
 * Provider credentials of the platform (merchant_id null) or of one merchant with its own register.
 * `settings` holds the non-secret fields; `secrets` is an AES-256-GCM blob (src/lib/config/secret-box.ts)
 * of the secret ones (passwords, private keys) and is never returned by the API.
 */
export const FiscalCredential = model
  .define("fiscal_credential", {
    id: model.id({ prefix: "fcred" }).primaryKey(),
    /** "platform" or the merchant id; one row each. */
    owner: model.text().unique(),
    provider_id: model.text(),
    settings: model.json(),
    secrets: model.text(),
    is_active: model.boolean().default(true),
  })
