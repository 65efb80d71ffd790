import { z } from "@medusajs/framework/zod"
import { PRODUCT_KINDS } from "../../lib/product-kinds"
import { TAX_REGIMES } from "../../modules/marketplace/models/merchant"
import { httpUrl, priceInput, safeString, shortText } from "../../lib/validation/inputs"

const handle = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lowercase letters, digits and single dashes").min(2).max(60)

export const MerchantApplication = z.object({
  handle,
  legal_name: z.string().min(2).max(200),
  display_name: z.string().min(2).max(100),
  country_code: z.string().length(2).transform((c) => c.toLowerCase()),
  inn: z.string().nullish(),
  trn: z.string().nullish(),
  tax_regime: z.enum(TAX_REGIMES),
  payout_method: z
    .object({ type: z.enum(["bank_transfer", "stripe_connect"]), account_holder: z.string().optional(), iban: z.string().optional(), account_id: z.string().optional() })
    .strict()
    .nullish(),
  contact_email: z.string().email(),
  contact_phone: z.string().min(5).max(32).nullish(),
  default_locale: z.enum(["en", "ru", "ar"]).optional(),
})
export type MerchantApplicationBody = z.infer<typeof MerchantApplication>

export const InviteStaff = z.object({ email: z.string().email() })
export const AcceptInvite = z.object({ token: z.string().min(10) })

const price = priceInput()
const variant = z
  .object({
    title: shortText(1),
    sku: shortText().optional(),
    options: z.record(z.string(), z.string()).optional(),
    manage_inventory: z.boolean().optional(),
    prices: z.array(price).min(1),
  })
  .strict()

export const CreateMerchantProduct = z
  .object({
    title: shortText(1),
    handle: handle.optional(),
    description: safeString().optional(),
    kind: z.enum(PRODUCT_KINDS),
    status: z.enum(["draft", "published"]).optional(),
    thumbnail: httpUrl().optional(),
    images: z.array(z.object({ url: httpUrl() }).strict()).max(50).optional(),
    options: z.array(z.object({ title: z.string().min(1), values: z.array(z.string().min(1)).min(1) }).strict()).min(1),
    variants: z.array(variant).min(1),
    // Accepted only to refuse it loudly when it names another merchant.
    merchant_id: z.string().optional(),
  })
  .strict()
export type CreateMerchantProductBody = z.infer<typeof CreateMerchantProduct>

export const UpdateMerchantProduct = z
  .object({
    title: shortText(1).optional(),
    description: safeString().optional(),
    status: z.enum(["draft", "published"]).optional(),
    thumbnail: httpUrl().optional(),
    kind: z.enum(PRODUCT_KINDS).optional(),
    merchant_id: z.string().optional(),
  })
  .strict()

export const CreateMerchantVariant = variant
export const UpdateMerchantVariant = z
  .object({ title: shortText(1).optional(), sku: shortText().optional(), prices: z.array(price).min(1).optional() })
  .strict()

export const SetInventory = z.object({ stocked_quantity: z.number().int().min(0) }).strict()
