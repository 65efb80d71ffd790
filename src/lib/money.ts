/**
 * Money at SnailMarketplace: integers in minor units plus an ISO 4217 currency (DESIGN.md §3).
 * Medusa works in major units (BigNumber); this file is the single boundary between the two.
 * No floating-point arithmetic on amounts: decimal strings are parsed into BigInt.
 */

export type Money = { amount: number; currency_code: string }
export type Rounding = "half_up" | "half_even" | "reject"

// ISO 4217 minor-unit exponents that differ from the default of 2.
const EXPONENT_EXCEPTIONS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
  UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
}

export function currencyExponent(currencyCode: string): number {
  const code = currencyCode?.toUpperCase()
  if (!/^[A-Z]{3}$/.test(code ?? "")) throw new MoneyError(`Not an ISO 4217 currency code: '${currencyCode}'`)
  return EXPONENT_EXCEPTIONS[code] ?? 2
}

/** Anything Medusa hands us as an amount: number, decimal string, or a BigNumber-like object. */
export type MajorAmount = number | string | { toString(): string } | { numeric: number } | { value: string }

/**
 * Converts a major-unit amount (Medusa's representation, e.g. 12.5 EUR) to integer minor units (1250).
 * Extra precision is rounded as asked; "reject" throws instead of rounding.
 */
export function toMinor(amount: MajorAmount, currencyCode: string, rounding: Rounding = "half_up"): number {
  return toScaledInteger(amount, currencyExponent(currencyCode), rounding, currencyCode)
}

/**
 * A decimal amount as an integer with `exponent` decimal places (toMinor with a chosen precision),
 * e.g. to weigh fractional promotion adjustments exactly before allocating whole minor units.
 */
export function toScaledInteger(amount: MajorAmount, exponent: number, rounding: Rounding = "half_up", label = `${exponent} decimals`): number {
  const { negative, digits, scale } = parseDecimal(majorToString(amount))
  let minor: bigint
  if (scale <= exponent) {
    minor = digits * 10n ** BigInt(exponent - scale)
  } else {
    const divisor = 10n ** BigInt(scale - exponent)
    const quotient = digits / divisor
    const remainder = digits % divisor
    if (remainder !== 0n && rounding === "reject") {
      throw new MoneyError(`${majorToString(amount)} has more decimals than ${label.toUpperCase()} allows`)
    }
    const twice = remainder * 2n
    const roundUp = twice > divisor || (twice === divisor && (rounding === "half_up" || quotient % 2n === 1n))
    minor = roundUp ? quotient + 1n : quotient
  }
  return safeInteger(negative ? -minor : minor)
}

/** Converts integer minor units to the exact decimal string Medusa accepts as an amount ("12.50"). */
export function toMajorString(minor: number, currencyCode: string): string {
  assertMinor(minor)
  const exponent = currencyExponent(currencyCode)
  const negative = minor < 0
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0")
  const whole = digits.slice(0, digits.length - exponent)
  const fraction = exponent ? "." + digits.slice(digits.length - exponent) : ""
  return (negative ? "-" : "") + whole + fraction
}

export function money(amount: number, currencyCode: string): Money {
  assertMinor(amount)
  currencyExponent(currencyCode)
  return { amount, currency_code: currencyCode.toLowerCase() }
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b)
  return money(safeInteger(BigInt(a.amount) + BigInt(b.amount)), a.currency_code)
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b)
  return money(safeInteger(BigInt(a.amount) - BigInt(b.amount)), a.currency_code)
}

/**
 * Splits `total` minor units into parts proportional to `weights` by the largest-remainder method:
 * every part is the floor of its exact share, and the units left over go to the largest fractional
 * remainders (earlier index first on ties). The parts always add up to `total` exactly.
 * A negative total (a refund) is split like its absolute value, then negated.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertMinor(total)
  if (!weights.length) throw new MoneyError("allocate needs at least one weight")
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new MoneyError(`Weights must be non-negative integers (got ${w})`)
  }
  const sumWeights = weights.reduce((s, w) => s + BigInt(w), 0n)
  if (sumWeights === 0n) throw new MoneyError("allocate needs at least one positive weight")

  const negative = total < 0
  const abs = BigInt(Math.abs(total))
  const parts = weights.map((w) => (abs * BigInt(w)) / sumWeights)
  const remainders = weights.map((w, index) => ({ index, remainder: (abs * BigInt(w)) % sumWeights }))
  let left = abs - parts.reduce((s, p) => s + p, 0n)
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1))
  for (const { index } of remainders) {
    if (left === 0n) break
    parts[index] += 1n
    left -= 1n
  }
  return parts.map((p) => safeInteger(negative ? -p : p))
}

/** Applies a percentage given in basis points (1000 = 10 %) to a minor amount, rounding half up. */
export function percentOf(amount: number, basisPoints: number, rounding: Exclude<Rounding, "reject"> = "half_up"): number {
  assertMinor(amount)
  if (!Number.isSafeInteger(basisPoints)) throw new MoneyError(`Basis points must be an integer (got ${basisPoints})`)
  return toMinorFromRatio(BigInt(amount) * BigInt(basisPoints), 10000n, rounding)
}

export class MoneyError extends Error {}

function toMinorFromRatio(numerator: bigint, denominator: bigint, rounding: "half_up" | "half_even"): number {
  const negative = numerator < 0n
  const abs = negative ? -numerator : numerator
  const quotient = abs / denominator
  const twice = (abs % denominator) * 2n
  const up = twice > denominator || (twice === denominator && (rounding === "half_up" || quotient % 2n === 1n))
  const result = up ? quotient + 1n : quotient
  return safeInteger(negative ? -result : result)
}

function majorToString(amount: MajorAmount): string {
  if (typeof amount === "number") {
    if (!Number.isFinite(amount)) throw new MoneyError(`Not a finite amount: ${amount}`)
    // Shortest round-trip representation, expanded if JS chose exponent notation.
    return expandExponent(String(amount))
  }
  if (typeof amount === "string") return expandExponent(amount.trim())
  if (amount && typeof amount === "object") {
    if ("value" in amount && typeof (amount as any).value === "string") return expandExponent((amount as any).value)
    if ("numeric" in amount && typeof (amount as any).numeric === "number") return majorToString((amount as any).numeric)
    return expandExponent(String(amount))
  }
  throw new MoneyError(`Not an amount: ${String(amount)}`)
}

function expandExponent(text: string): string {
  const m = text.match(/^([+-]?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/)
  if (!m) return text
  const [, sign, int, frac = "", expText] = m
  const exp = Number(expText)
  const digits = int + frac
  const point = int.length + exp
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length)
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

function parseDecimal(text: string): { negative: boolean; digits: bigint; scale: number } {
  const m = text.match(/^([+-]?)(\d+)(?:\.(\d*))?$/) ?? text.match(/^([+-]?)()\.(\d+)$/)
  if (!m) throw new MoneyError(`Not a decimal amount: '${text}'`)
  const [, sign, int, frac = ""] = m
  const digits = BigInt((int || "0") + frac)
  return { negative: sign === "-" && digits !== 0n, digits, scale: frac.length }
}

function assertMinor(amount: number) {
  if (!Number.isSafeInteger(amount)) throw new MoneyError(`Minor-unit amounts are safe integers (got ${amount})`)
}

function safeInteger(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError(`Amount out of the safe integer range: ${value}`)
  }
  return Number(value)
}

function assertSameCurrency(a: Money, b: Money) {
  if (a.currency_code.toLowerCase() !== b.currency_code.toLowerCase()) {
    throw new MoneyError(`Currency mismatch: ${a.currency_code} vs ${b.currency_code}`)
  }
}

/**
 * A minor-unit integer read back from one of our bigNumber columns: Medusa returns a number, a
 * decimal string or a BigNumber-like object. Null and undefined read as 0.
 */
export function storedMinor(value: unknown): number {
  if (value === null || value === undefined) return 0
  const raw: any = value
  const n = Number(typeof raw === "object" ? raw.numeric ?? raw.value ?? raw.toString() : raw)
  if (!Number.isSafeInteger(n)) throw new MoneyError(`Not a stored minor-unit integer: ${JSON.stringify(value)}`)
  return n
}
