import { z } from "@medusajs/framework/zod"
import { BOOKING_MODES, PRODUCT_KINDS } from "../../lib/product-kinds"
import { STAFF_ROLES } from "../../lib/merchant-roles"
import { PAYOUT_METHOD_TYPES } from "../../lib/payout-method"
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
    .object({
      type: z.enum(PAYOUT_METHOD_TYPES),
      account_holder: z.string().optional(),
      iban: z.string().optional(),
      // One name for the Stripe account on every route (the Stripe Connect provider reads it);
      // `account_id` is what applications sent before, still read and stored under the one name.
      stripe_account_id: z.string().max(64).optional(),
      account_id: z.string().max(64).optional(),
    })
    .strict()
    .refine((m) => m.account_id === undefined || m.stripe_account_id === undefined || m.account_id === m.stripe_account_id, {
      message: "names two different Stripe accounts: send stripe_account_id only", path: ["stripe_account_id"],
    })
    .transform(({ account_id, ...m }) => (account_id !== undefined && m.stripe_account_id === undefined ? { ...m, stripe_account_id: account_id } : m))
    .nullish(),
  contact_email: z.string().email(),
  contact_phone: z.string().min(5).max(32).nullish(),
  default_locale: z.enum(["en", "ru", "ar"]).optional(),
})
export type MerchantApplicationBody = z.infer<typeof MerchantApplication>

/**
 * The legal profile after onboarding (owner or finance): registered name and address, tax ids; null
 * removes a tax id (where the country allows). Blank-only text is refused, not stored.
 */
export const MerchantLegal = z
  .object({
    legal_name: safeString(200, 2).transform((v) => v.trim()).refine((v) => v.length >= 2, "field 'legal_name' needs the registered name, not only spaces").optional(),
    legal_address: safeString(300, 5).transform((v) => v.trim()).refine((v) => v.length >= 5, "field 'legal_address' needs the registered address, not only spaces").optional(),
    inn: z.string().max(12).nullable().optional(),
    trn: z.string().max(15).nullable().optional(),
    merchant_id: z.string().optional(),
  })
  .strict()
export type MerchantLegalBody = z.infer<typeof MerchantLegal>

/** Where payouts go; the account itself is checked by checkPayoutMethod (src/lib/payout-method.ts). */
export const MerchantPayoutMethod = z
  .object({
    type: z.enum(PAYOUT_METHOD_TYPES),
    account_holder: safeString(200).optional(),
    iban: z.string().max(42).optional(),
    bic: z.string().max(14).optional(),
    account_number: z.string().max(30).optional(),
    stripe_account_id: z.string().max(64).optional(),
    merchant_id: z.string().optional(),
  })
  .strict()
export type MerchantPayoutMethodBody = z.infer<typeof MerchantPayoutMethod>

/** A member's own language for the shop's e-mails; null: the shop's default_locale. */
export const MemberLocale = z.object({ locale: z.enum(["en", "ru", "ar"]).nullable() }).strict()
export type MemberLocaleBody = z.infer<typeof MemberLocale>

export const InviteStaff = z.object({ email: z.string().email(), role: z.enum(STAFF_ROLES).optional() })
export const ChangeStaffRole = z.object({ role: z.enum(STAFF_ROLES) })
export const AcceptInvite = z.object({ token: z.string().min(10) })

const price = priceInput()
const variant = z
  .object({
    title: shortText(1),
    sku: shortText().optional(),
    options: z.record(z.string(), z.string()).optional(),
    manage_inventory: z.boolean().optional(),
    prices: z.array(price).min(1),
    // Stock at the merchant's own location (physical goods; 0 when not given).
    stocked_quantity: z.number().int().min(0).max(1_000_000_000).optional(),
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
    // SERVICE only: sold by time slot (needs a schedule before it can be published) or by appointment.
    booking_mode: z.enum(BOOKING_MODES).optional(),
    // The regions this product is sold in; every variant needs a price in each one's currency.
    region_ids: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
    // Accepted only to refuse it loudly when it names another merchant.
    merchant_id: z.string().optional(),
  })
  .strict()
export type CreateMerchantProductBody = z.infer<typeof CreateMerchantProduct>

// Title and description per storefront language other than the product's own (kept in the product's
// metadata: see docs/merchant-api.md, "Translations"). An empty text removes that translation.
export const TRANSLATION_LOCALES = ["ru", "ar"] as const
const translation = z.object({ title: shortText().optional(), description: safeString().optional() }).strict()

export const UpdateMerchantProduct = z
  .object({
    title: shortText(1).optional(),
    handle: handle.optional(),
    description: safeString().optional(),
    status: z.enum(["draft", "published"]).optional(),
    thumbnail: httpUrl().nullable().optional(),
    // The whole gallery, in order (uploaded first through POST /merchant/uploads).
    images: z.array(z.object({ url: httpUrl() }).strict()).max(50).optional(),
    translations: z.object({ ru: translation.optional(), ar: translation.optional() }).strict().optional(),
    kind: z.enum(PRODUCT_KINDS).optional(),
    booking_mode: z.enum(BOOKING_MODES).optional(),
    merchant_id: z.string().optional(),
  })
  .strict()
export type UpdateMerchantProductBody = z.infer<typeof UpdateMerchantProduct>

export const ListMerchantProducts = z
  .object({
    q: shortText().optional(),
    kind: z.enum(PRODUCT_KINDS).optional(),
    status: z.enum(["draft", "published"]).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
    merchant_id: z.string().optional(),
    id: z.string().optional(),
  })
  .strict()

/** Bulk publish / unpublish from the products list: each product judged on its own. */
export const CatalogStatus = z
  .object({ product_ids: z.array(z.string().min(1).max(100)).min(1).max(100), status: z.enum(["draft", "published"]) })
  .strict()
export type CatalogStatusBody = z.infer<typeof CatalogStatus>

export const CreateProductOption = z.object({ title: shortText(1), values: z.array(shortText(1)).min(1).max(100) }).strict()
export const UpdateProductOption = z.object({ title: shortText(1).optional(), values: z.array(shortText(1)).min(1).max(100).optional() }).strict()

// Product pictures through Medusa's file module (public files); 8 MB each once decoded.
export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"] as const
export const UploadImages = z
  .object({
    files: z.array(z.object({
      filename: z.string().min(1).max(120).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, dash and underscore only"),
      mime_type: z.enum(IMAGE_TYPES),
      content_base64: z.string().min(4).max(Math.ceil((8 * 1024 * 1024) / 3) * 4).regex(/^[A-Za-z0-9+/=\s]+$/, "not base64"),
    }).strict()).min(1).max(4),
  })
  .strict()
export type UploadImagesBody = z.infer<typeof UploadImages>

export const CreateMerchantVariant = variant
export const UpdateMerchantVariant = z
  .object({ title: shortText(1).optional(), sku: shortText().optional(), prices: z.array(price).min(1).optional() })
  .strict()

export const SetInventory = z.object({ stocked_quantity: z.number().int().min(0) }).strict()

const isoInstant = (field: string) =>
  z.string().datetime({ offset: true, message: `field '${field}' must be an ISO-8601 instant with its zone, e.g. 2026-05-01T10:00:00Z` })
/** The merchant moves an appointment: the new slot's start, as the slot list gave it. */
export const MerchantReschedule = z.object({ slot_start: isoInstant("slot_start"), merchant_id: z.string().optional() }).strict()
export type MerchantRescheduleBody = z.infer<typeof MerchantReschedule>
/** Where a booking could move: a range of at most 62 days (checked again by parseRange, with its own code). */
export const MerchantBookingSlotsQuery = z.object({ from: isoInstant("from").optional(), to: isoInstant("to").optional(), merchant_id: z.string().optional() }).strict()
