import { decimalsOf, hasControlChars, isHttpUrl, isIsoCurrency, LIMITS } from "./inputs"
import { currencyExponent } from "../money"

export type BadInput = { field: string; message: string }

/*
 * The rules of ./inputs.ts applied to any JSON body or query by key name, for routes whose validators
 * we do not own (Medusa's). Key names are Medusa's and ours: `quantity` is always a count of items,
 * `currency_code` always an ISO 4217 code, `amount`/`unit_price` always major units of money.
 */
const SHORT_KEYS = new Set([
  "title", "subtitle", "name", "first_name", "last_name", "company", "handle", "sku", "barcode", "ean", "upc",
  "code", "city", "province", "postal_code", "country_code", "address_1", "address_2", "phone", "to", "status",
  "carrier", "tracking_number", "display_name", "legal_name", "provider_id", "q",
])
const EMAIL_KEYS = new Set(["email", "contact_email"])
const AMOUNT_KEYS = new Set(["amount", "unit_price", "compare_at_unit_price", "price", "min_amount", "max_amount"])
const QUANTITY_KEYS = new Set(["quantity", "stocked_quantity", "incoming_quantity", "reserved_quantity"])
const URL_KEYS = /^(url|thumbnail|.+_url)$/
const UNBOUNDED_KEYS = /_base64$/ // uploads carry their own size limit in their validator
const ID_KEY = /^(id|variant_id|product_id|provider_id|option_id|region_id|cart_id|order_id|line_id)$/
const ORDER = /^-?[a-z_][\w.]*(,-?[a-z_][\w.]*)*$/i
const QUERY_BOUNDS: Record<string, number> = { limit: LIMITS.limit, offset: LIMITS.offset }
// Outside money, numbers are counts, percentages, coordinates or epoch milliseconds: all far below this.
const ANY_NUMBER_MAX = 1e15

export function findBadInput(value: unknown, opts: { query?: boolean } = {}): BadInput | undefined {
  return walk(value, [], undefined, 0, !!opts.query)
}

function walk(value: unknown, path: string[], parent: Record<string, unknown> | undefined, depth: number, query: boolean): BadInput | undefined {
  const key = path[path.length - 1] ?? ""
  const field = path.join(".")
  if (depth > LIMITS.depth) return { field, message: `is nested deeper than ${LIMITS.depth} levels` }
  if (typeof value === "string") return checkString(value, key, field, query && path.length === 1)
  if (typeof value === "number") return checkNumber(value, key, field, parent)
  if (Array.isArray(value)) {
    if (value.length > LIMITS.arrayItems) return { field, message: `has more than ${LIMITS.arrayItems} items` }
    for (let i = 0; i < value.length; i++) {
      const bad = walk(value[i], [...path, String(i)], parent, depth + 1, query)
      if (bad) return bad
    }
    return undefined
  }
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>
    for (const k of Object.keys(record)) {
      const keyField = [...path, k].join(".")
      if (k.length > LIMITS.key || hasControlChars(k)) return { field: keyField.slice(0, LIMITS.key), message: "is not an acceptable field name" }
      const bad = walk(record[k], [...path, k], record, depth + 1, query)
      if (bad) return bad
    }
  }
  return undefined
}

function checkString(value: string, key: string, field: string, topLevelQuery: boolean): BadInput | undefined {
  if (hasControlChars(value)) return { field, message: "must not contain NUL or other control characters" }
  if (!UNBOUNDED_KEYS.test(key)) {
    const max = EMAIL_KEYS.has(key) ? LIMITS.email : SHORT_KEYS.has(key) ? LIMITS.short : LIMITS.text
    if (value.length > max) return { field, message: `must be at most ${max} characters` }
  }
  if (topLevelQuery && key in QUERY_BOUNDS) {
    if (!/^\d{1,9}$/.test(value) || Number(value) > QUERY_BOUNDS[key]) {
      return { field, message: `must be a whole number from 0 to ${QUERY_BOUNDS[key]}` }
    }
  }
  // Medusa ids are never empty; an empty `variant_id` or `provider_id` failed deep inside a workflow (500).
  if (value === "" && ID_KEY.test(key) && !topLevelQuery) return { field, message: "must not be empty" }
  if (topLevelQuery && key === "order" && !ORDER.test(value)) return { field, message: "must name a field, optionally prefixed with -" }
  if (key === "currency_code" && !isIsoCurrency(value)) return { field, message: "must be an ISO 4217 currency code" }
  // "#" is what Medusa's own admin sends for a shipment label without a tracking or label URL ("Mark as shipped").
  if (URL_KEYS.test(key) && value !== "" && value !== "#" && !isHttpUrl(value)) return { field, message: "must be an http(s) URL" }
  return undefined
}

function checkNumber(value: number, key: string, field: string, parent: Record<string, unknown> | undefined): BadInput | undefined {
  if (!Number.isFinite(value)) return { field, message: "must be a finite number" }
  if (QUANTITY_KEYS.has(key)) {
    if (!Number.isInteger(value) || value < 0 || value > LIMITS.quantity) {
      return { field, message: `must be a whole number from 0 to ${LIMITS.quantity}` }
    }
  } else if (AMOUNT_KEYS.has(key)) {
    if (Math.abs(value) > LIMITS.amount) return { field, message: `must be at most ${LIMITS.amount} in absolute value` }
    const currency = parent?.currency_code
    const exponent = isIsoCurrency(currency) ? currencyExponent(currency) : 4
    if (decimalsOf(value) > exponent) return { field, message: `must have at most ${exponent} decimal places` }
  } else if (Math.abs(value) > ANY_NUMBER_MAX) {
    return { field, message: "is out of range" }
  }
  return undefined
}
