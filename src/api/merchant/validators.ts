import { z } from "@medusajs/framework/zod"
import { PRODUCT_KINDS } from "../../lib/product-kinds"
import { TAX_REGIMES } from "../../modules/marketplace/models/merchant"

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

const price = z.object({ currency_code: z.string().length(3), amount: z.number().nonnegative() }).strict()
const variant = z
  .object({
    title: z.string().min(1),
    sku: z.string().optional(),
    options: z.record(z.string(), z.string()).optional(),
    manage_inventory: z.boolean().optional(),
    prices: z.array(price).min(1),
  })
  .strict()

export const CreateMerchantProduct = z
  .object({
    title: z.string().min(1),
    handle: handle.optional(),
    description: z.string().optional(),
    kind: z.enum(PRODUCT_KINDS),
    status: z.enum(["draft", "published"]).optional(),
    thumbnail: z.string().url().optional(),
    images: z.array(z.object({ url: z.string().url() }).strict()).optional(),
    options: z.array(z.object({ title: z.string().min(1), values: z.array(z.string().min(1)).min(1) }).strict()).min(1),
    variants: z.array(variant).min(1),
    // Accepted only to refuse it loudly when it names another merchant.
    merchant_id: z.string().optional(),
  })
  .strict()
export type CreateMerchantProductBody = z.infer<typeof CreateMerchantProduct>

export const UpdateMerchantProduct = z
  .object({
    title: z.string().min(1).optional(),
    description: z.string().optional(),
    status: z.enum(["draft", "published"]).optional(),
    thumbnail: z.string().url().optional(),
    kind: z.enum(PRODUCT_KINDS).optional(),
    merchant_id: z.string().optional(),
  })
  .strict()

export const CreateMerchantVariant = variant
export const UpdateMerchantVariant = z
  .object({ title: z.string().min(1).optional(), sku: z.string().optional(), prices: z.array(price).min(1).optional() })
  .strict()

export const SetInventory = z.object({ stocked_quantity: z.number().int().min(0) }).strict()
