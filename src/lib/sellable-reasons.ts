/**
 * Why a product cannot be sold (issue 16 §5): the `reason_code` of `sellable` on store product
 * pages and of 422 PRODUCT_NOT_SELLABLE, with the words a person reads. Codes keep their meaning.
 */
export const SELLABLE_REASONS = {
  COURSE_WITHOUT_LESSONS: (title: string) => `'${title}' is a course without lessons yet: there is nothing to give access to`,
  SERVICE_WITHOUT_SCHEDULE: (title: string) => `'${title}' is booked by time slot but has no schedule yet, so no time can be booked`,
  NOT_PRICED_IN_REGION: (title: string, currency?: string) => `'${title}' has no price in ${currency ?? "this region's currency"}, so it is not sold in this region`,
  // Publishing checks of the merchant's editor (issue 22 §2, src/lib/catalog/publish-readiness.ts).
  NO_VARIANTS: (title: string) => `'${title}' has no variants, so there is nothing to buy`,
  NO_PRICE: (title: string) => `'${title}' has no price in a currency any region of the store sells in`,
  VARIANT_NOT_PRICED: (title: string, currency?: string) => `A variant of '${title}' has no price in ${currency ?? "a currency it is sold in"}`,
  NO_STOCK: (title: string) => `'${title}' has no stock at the merchant's stock location, so nobody could buy it`,
} as const

export type SellableReasonCode = keyof typeof SELLABLE_REASONS
