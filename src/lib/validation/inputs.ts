import { z } from "@medusajs/framework/zod"
import { currencyExponent } from "../money"

/**
 * Input hardening in one place (issue 20): the zod pieces our validators share, and the same rules as
 * a plain walker (`findBadInput`) that src/api/input-guard.ts runs in front of every route, Medusa's
 * own included, because Medusa's validators accept NUL bytes, 1e300 prices, fractional quantities,
 * `javascript:` URLs and 100 000-character titles, and some of those end in a 500 from PostgreSQL.
 */

// C0 controls except tab, line feed and carriage return; DEL and C1 controls. PostgreSQL rejects NUL in
// text columns (a 500 with the SQL statement), the rest only hide text from the people reading it.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

export const LIMITS = {
  short: 255, // names, titles, handles, codes, address lines
  email: 320,
  text: 20_000, // descriptions, notes, messages, any other string
  key: 200, // object keys, query parameter names
  depth: 12,
  arrayItems: 5_000,
  amount: 1e12, // major units: far above any real price, far below float imprecision for 3 decimals
  quantity: 1_000_000,
  limit: 10_000, // the Medusa dashboard itself lists with limit=9999
  offset: 10_000_000,
} as const

const ISO_CURRENCIES = new Set<string>(
  ((Intl as any).supportedValuesOf?.("currency") ?? []).map((c: string) => c.toLowerCase())
)

export function isIsoCurrency(code: unknown): code is string {
  return typeof code === "string" && /^[a-zA-Z]{3}$/.test(code) && ISO_CURRENCIES.has(code.toLowerCase())
}

export function hasControlChars(value: string): boolean {
  return CONTROL.test(value)
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === "http:" || url.protocol === "https:"
  } catch {
    return false
  }
}

/** Decimal places of a finite number as JSON wrote it (1e-7 → 7, 12.5 → 1). */
export function decimalsOf(value: number | string): number {
  const text = typeof value === "number" ? value.toString() : value
  const [mantissa, exp] = text.toLowerCase().split("e")
  const decimals = (mantissa.split(".")[1] ?? "").length
  return Math.max(0, decimals - Number(exp ?? 0))
}

/** True when `amount` (major units) is finite, in range and has no more decimals than the currency's exponent. */
export function fitsCurrency(amount: number | string, currencyCode: string): boolean {
  const n = Number(amount)
  if (!Number.isFinite(n) || Math.abs(n) > LIMITS.amount) return false
  return decimalsOf(amount) <= currencyExponent(currencyCode)
}

// ---------------------------------------------------------------- zod pieces for validators.ts files

const noControls = (s: string) => !hasControlChars(s)
const CONTROL_MESSAGE = "must not contain NUL or other control characters"

/** A string without control characters, at most `max` characters long. */
export const safeString = (max: number = LIMITS.text, min = 0) => z.string().min(min).max(max).refine(noControls, CONTROL_MESSAGE)
export const shortText = (min = 0) => safeString(LIMITS.short, min)
export const email = () => z.string().max(LIMITS.email).email().refine(noControls, CONTROL_MESSAGE)
export const httpUrl = () => z.string().max(2048).refine(isHttpUrl, "must be an http(s) URL")
export const currencyCode = () =>
  z.string().refine(isIsoCurrency, "must be an ISO 4217 currency code").transform((c) => c.toLowerCase())
export const finiteNumber = () => z.number().finite().min(-LIMITS.amount).max(LIMITS.amount)
export const quantity = () => z.number().int().positive().max(LIMITS.quantity)
export const limitParam = (fallback = 50, max: number = LIMITS.limit) => z.coerce.number().int().min(0).max(max).default(fallback)
export const offsetParam = () => z.coerce.number().int().min(0).max(LIMITS.offset).default(0)

/** `{ currency_code, amount }` in major units with no more decimals than the currency allows. */
export const priceInput = () =>
  z
    .object({ currency_code: currencyCode(), amount: finiteNumber().nonnegative() })
    .strict()
    .refine((p) => fitsCurrency(p.amount, p.currency_code), { message: "has more decimals than its currency allows", path: ["amount"] })
