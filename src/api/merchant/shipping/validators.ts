import { z } from "@medusajs/framework/zod"
import { currencyCode, LIMITS, shortText } from "../../../lib/validation/inputs"

// Where and how the merchant ships (issue 22). Countries are ISO 3166 alpha-2; prices are integer
// minor units per currency (cents, kopecks, fils), never floats.
const label = shortText(1).transform((v) => v.trim()).refine((v) => v.length > 0, "needs a name, not only spaces")
const country = z.string().regex(/^[a-zA-Z]{2}$/, "an ISO 3166 two-letter country code").transform((c) => c.toLowerCase())
const countries = z.array(country).min(1, "needs at least one country").max(250)
  .refine((cs) => new Set(cs).size === cs.length, "names a country twice")
const price = z.object({ currency_code: currencyCode(), amount: z.number().int("whole minor units (e.g. 750 for 7.50)").min(0).max(LIMITS.amount) }).strict()
const prices = z.array(price).min(1, "needs a price").max(50)
  .refine((ps) => new Set(ps.map((p) => p.currency_code)).size === ps.length, "names a currency twice")
// The gate refuses another merchant's id; naming one's own is harmless.
const merchantId = z.string().optional()

export const CreateShippingZone = z.object({ name: label, countries, merchant_id: merchantId }).strict()
export const UpdateShippingZone = z.object({ name: label.optional(), countries: countries.optional(), merchant_id: merchantId }).strict()
export const CreateShippingOption = z.object({ zone_id: z.string().min(1).max(100), name: label, prices, merchant_id: merchantId }).strict()
export const UpdateShippingOption = z.object({ name: label.optional(), prices: prices.optional(), merchant_id: merchantId }).strict()

export type CreateShippingZoneBody = z.infer<typeof CreateShippingZone>
export type UpdateShippingZoneBody = z.infer<typeof UpdateShippingZone>
export type CreateShippingOptionBody = z.infer<typeof CreateShippingOption>
export type UpdateShippingOptionBody = z.infer<typeof UpdateShippingOption>
