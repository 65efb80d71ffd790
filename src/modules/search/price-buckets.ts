import { currencyExponent } from "../../lib/money"

/**
 * Price facet buckets, as lower bounds in major units of the region's currency: bucket i holds
 * prices in [bound[i], bound[i+1]). Stored per document (computed once at indexing), so every
 * provider facets on the same integer and Meilisearch needs no range aggregation.
 */
export const PRICE_BUCKETS_MAJOR = [0, 10, 25, 50, 100, 250, 500, 1000, 5000] as const

/** Bucket index of a minor-unit amount; integer comparisons only. */
export function priceBucket(minor: number, currencyCode: string): number {
  const scale = 10 ** currencyExponent(currencyCode)
  let bucket = 0
  for (let i = 0; i < PRICE_BUCKETS_MAJOR.length; i++) if (minor >= PRICE_BUCKETS_MAJOR[i] * scale) bucket = i
  return bucket
}

/** The bucket's range in minor units (`to` exclusive; null for the open top bucket). */
export function bucketRange(bucket: number, currencyCode: string): { from: number; to: number | null } {
  const scale = 10 ** currencyExponent(currencyCode)
  const next = PRICE_BUCKETS_MAJOR[bucket + 1]
  return { from: PRICE_BUCKETS_MAJOR[bucket] * scale, to: next === undefined ? null : next * scale }
}
