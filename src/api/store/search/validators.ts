import { z } from "@medusajs/framework/zod"
import { PRODUCT_KINDS } from "../../../lib/product-kinds"
import { SnailError } from "../../../lib/snail-error"
import { SEARCH_SORTS, SearchSort } from "../../../modules/search/types"
import type { ProductKindValue } from "../../../lib/product-kinds"

export const MAX_QUERY_LENGTH = 200
export const MAX_LIMIT = 100

const KNOWN = ["q", "kind", "merchant_id", "category_id", "price_min", "price_max", "available", "sort", "limit", "offset", "region_id", "cart_id"]

/** Repeated (`?kind=A&kind=B`) or comma-separated (`?kind=A,B`) values. */
const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [v].flat().flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))
const nonNegativeInt = (field: string) =>
  z.string().regex(/^\d{1,15}$/, `${field} must be a non-negative integer`).transform(Number)

const schema = z.object({
  q: z.string().optional(),
  kind: list.optional(),
  merchant_id: list.optional(),
  category_id: list.optional(),
  price_min: nonNegativeInt("price_min").optional(),
  price_max: nonNegativeInt("price_max").optional(),
  available: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  sort: z.string().optional(),
  limit: nonNegativeInt("limit").optional(),
  offset: nonNegativeInt("offset").optional(),
  region_id: z.string().min(1).optional(),
  cart_id: z.string().min(1).optional(),
})

export type StoreSearchParams = {
  q: string
  kind?: ProductKindValue[]
  merchant_id?: string[]
  category_id?: string[]
  price_min?: number
  price_max?: number
  available?: boolean
  sort: SearchSort
  limit: number
  offset: number
  region_id?: string
  cart_id?: string
}

/** Parses `GET /store/search` query parameters; bad input is a 400 with a code naming the field. */
export function parseSearchParams(query: Record<string, unknown>): StoreSearchParams {
  const unknown = Object.keys(query).find((k) => !KNOWN.includes(k))
  if (unknown) throw new SnailError(400, "UNKNOWN_FIELD", `Unknown query parameter '${unknown}'`, unknown)
  const parsed = schema.safeParse(query)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = String(issue.path[0] ?? "")
    throw new SnailError(400, "INVALID_FIELD", `${field}: ${issue.message}`, field)
  }
  const p = parsed.data
  const q = p.q?.trim() ?? ""
  if (q.length > MAX_QUERY_LENGTH) throw new SnailError(400, "SEARCH_QUERY_TOO_LONG", `q is ${q.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed`, "q")
  if (q.includes("\u0000")) throw new SnailError(400, "INVALID_FIELD", "q must not contain NUL characters", "q")
  const sort = p.sort ?? "relevance"
  if (!(SEARCH_SORTS as readonly string[]).includes(sort)) throw new SnailError(400, "INVALID_SORT", `Unknown sort '${sort}': use ${SEARCH_SORTS.join(", ")}`, "sort")
  if (p.limit !== undefined && p.limit > MAX_LIMIT) throw new SnailError(400, "LIMIT_TOO_LARGE", `limit is ${p.limit}; at most ${MAX_LIMIT}`, "limit")
  if (p.price_min !== undefined && p.price_max !== undefined && p.price_min > p.price_max) {
    throw new SnailError(400, "INVALID_PRICE_RANGE", `price_min (${p.price_min}) is greater than price_max (${p.price_max})`, "price_min")
  }
  const badKind = p.kind?.find((k) => !(PRODUCT_KINDS as readonly string[]).includes(k))
  if (badKind) throw new SnailError(400, "INVALID_PRODUCT_KIND", `Unknown kind '${badKind}': use ${PRODUCT_KINDS.join(", ")}`, "kind")
  if (p.offset !== undefined && p.offset > 10_000) throw new SnailError(400, "INVALID_FIELD", "offset must be at most 10000; narrow the search instead", "offset")
  return {
    q, kind: p.kind as ProductKindValue[] | undefined, merchant_id: p.merchant_id, category_id: p.category_id,
    price_min: p.price_min, price_max: p.price_max, available: p.available, sort: sort as SearchSort,
    limit: p.limit === 0 ? 0 : p.limit ?? 20, offset: p.offset ?? 0, region_id: p.region_id, cart_id: p.cart_id,
  }
}

/** `GET /store/search/suggest?q=&limit=&region_id=|cart_id=` */
export function parseSuggestParams(query: Record<string, unknown>) {
  const unknown = Object.keys(query).find((k) => !["q", "limit", "region_id", "cart_id"].includes(k))
  if (unknown) throw new SnailError(400, "UNKNOWN_FIELD", `Unknown query parameter '${unknown}'`, unknown)
  if (query.q !== undefined && typeof query.q !== "string") throw new SnailError(400, "INVALID_FIELD", "q must be a single string", "q")
  const q = ((query.q as string | undefined) ?? "").trim()
  if (q.length > MAX_QUERY_LENGTH) throw new SnailError(400, "SEARCH_QUERY_TOO_LONG", `q is ${q.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed`, "q")
  if (q.includes("\u0000")) throw new SnailError(400, "INVALID_FIELD", "q must not contain NUL characters", "q")
  const rawLimit = query.limit
  if (rawLimit !== undefined && (typeof rawLimit !== "string" || !/^\d{1,3}$/.test(rawLimit))) throw new SnailError(400, "INVALID_FIELD", "limit must be an integer", "limit")
  const limit = rawLimit === undefined ? 8 : Number(rawLimit)
  if (limit > 20) throw new SnailError(400, "LIMIT_TOO_LARGE", `limit is ${limit}; at most 20 suggestions`, "limit")
  const region_id = typeof query.region_id === "string" && query.region_id ? query.region_id : undefined
  const cart_id = typeof query.cart_id === "string" && query.cart_id ? query.cart_id : undefined
  return { q, limit: Math.max(1, limit), region_id, cart_id }
}
