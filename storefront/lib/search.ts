// The search page's state lives in its URL (shareable, back-button friendly, server-rendered):
// ?q=&kind=&merchant=&category=&min=&max=&available=&sort=&page=. Prices in the URL are in the
// region currency's MAJOR units as typed ("12.5"); the API wants integer minor units.
import { currencyExponent } from "./money"

export const SEARCH_SORTS = ["relevance", "price_asc", "price_desc", "newest"] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]
export const PAGE_SIZE = 12

export type SearchState = {
  q: string
  kind: string[]
  merchant: string[]
  category: string[]
  min: string
  max: string
  available: boolean
  sort: SearchSort
  page: number
}

export type SearchHit = {
  id: string
  title: string
  subtitle: string | null
  handle: string
  thumbnail: string | null
  kind: string
  merchant: { id: string; display_name: string; handle?: string } | null
  price: { currency_code: string; min_amount: number; max_amount: number } | null
  available: boolean
  next_slot_at: string | null
  highlights?: { title?: string | null; subtitle?: string | null }
}
export type Facet = { value: string; label?: string; count: number }
export type SearchResponse = {
  region_id: string
  currency_code: string
  total: number
  limit: number
  offset: number
  hits: SearchHit[]
  facets: {
    kind: Facet[]
    merchant: Facet[]
    category: Facet[]
    price: { bucket: number; from_amount: number; to_amount: number | null; count: number }[]
    available: { value: boolean; count: number }[]
  }
}

type Raw = Record<string, string | string[] | undefined>
const many = (v: string | string[] | undefined) => [v ?? []].flat().flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean)
const one = (v: string | string[] | undefined) => [v ?? []].flat()[0]?.trim() ?? ""
const DECIMAL = /^\d{1,12}([.,]\d{0,3})?$/

export function parseSearchState(raw: Raw): SearchState {
  const sort = one(raw.sort) as SearchSort
  const page = Number(one(raw.page))
  const min = one(raw.min)
  const max = one(raw.max)
  return {
    q: one(raw.q).slice(0, 200),
    kind: many(raw.kind).filter((k) => ["PHYSICAL", "SERVICE", "COURSE"].includes(k)),
    merchant: many(raw.merchant),
    category: many(raw.category),
    // Malformed prices are dropped rather than sent (the API would answer 400 for the whole page).
    min: DECIMAL.test(min) ? min : "",
    max: DECIMAL.test(max) ? max : "",
    available: one(raw.available) === "true",
    sort: (SEARCH_SORTS as readonly string[]).includes(sort) ? sort : "relevance",
    page: Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1,
  }
}

/** The URL query of a state; defaults are left out so URLs stay short and canonical. */
export function searchQueryString(s: SearchState): string {
  const p = new URLSearchParams()
  if (s.q) p.set("q", s.q)
  for (const k of s.kind) p.append("kind", k)
  for (const m of s.merchant) p.append("merchant", m)
  for (const c of s.category) p.append("category", c)
  if (s.min) p.set("min", s.min)
  if (s.max) p.set("max", s.max)
  if (s.available) p.set("available", "true")
  if (s.sort !== "relevance") p.set("sort", s.sort)
  if (s.page > 1) p.set("page", String(s.page))
  const str = p.toString()
  return str ? `?${str}` : ""
}

/** Toggles one facet value; any filter change goes back to page 1. */
export function toggled(s: SearchState, key: "kind" | "merchant" | "category", value: string): SearchState {
  const list = s[key].includes(value) ? s[key].filter((v) => v !== value) : [...s[key], value]
  return { ...s, [key]: list, page: 1 }
}

/** "12.5" in a currency with 2 decimals → 1250, by digits (no floating point). null when it does not fit. */
export function majorToMinor(major: string, currency: string): number | null {
  const m = /^(\d+)(?:[.,](\d*))?$/.exec(major.trim())
  if (!m) return null
  const exp = currencyExponent(currency)
  const frac = (m[2] ?? "").padEnd(exp, "0")
  if (frac.length > exp && /[1-9]/.test(frac.slice(exp))) return null
  return Number(m[1] + frac.slice(0, exp))
}

/** The API query for a state in a region. */
export function apiQuery(s: SearchState, regionId: string | undefined, currency: string): Record<string, string | string[]> {
  const q: Record<string, string | string[]> = { limit: String(PAGE_SIZE), offset: String((s.page - 1) * PAGE_SIZE), sort: s.sort }
  if (regionId) q.region_id = regionId
  if (s.q) q.q = s.q
  if (s.kind.length) q.kind = s.kind.join(",")
  if (s.merchant.length) q.merchant_id = s.merchant.join(",")
  if (s.category.length) q.category_id = s.category.join(",")
  let min = s.min ? majorToMinor(s.min, currency) : null
  let max = s.max ? majorToMinor(s.max, currency) : null
  // A reversed range is read as meant, not refused.
  if (min != null && max != null && min > max) [min, max] = [max, min]
  if (min != null) q.price_min = String(min)
  if (max != null) q.price_max = String(max)
  if (s.available) q.available = "true"
  return q
}
