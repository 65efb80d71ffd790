/**
 * Tax identifiers of merchants. Pure checks, no I/O.
 * INN (Russia): 10 digits for organisations, 12 for individual entrepreneurs, with check digits
 * computed by the Federal Tax Service's weighted sums (mod 11, then mod 10).
 * TRN (UAE): 15 digits; the FTA publishes no check-digit rule, so only the shape is verifiable.
 */
const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8]
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]

function checkDigit(digits: number[], weights: number[]): number {
  return (weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11) % 10
}

export type InnKind = "organisation" | "entrepreneur"

/** Returns the kind of a valid INN, or null when the shape or a check digit is wrong. */
export function innKind(inn: string): InnKind | null {
  if (!/^\d{10}$|^\d{12}$/.test(inn)) return null
  const d = [...inn].map(Number)
  if (d.length === 10) return checkDigit(d, INN10_WEIGHTS) === d[9] ? "organisation" : null
  return checkDigit(d, INN12_WEIGHTS_11) === d[10] && checkDigit(d, INN12_WEIGHTS_12) === d[11] ? "entrepreneur" : null
}

export function isValidInn(inn: string): boolean {
  return innKind(inn) !== null
}

export function isValidTrn(trn: string): boolean {
  return /^\d{15}$/.test(trn)
}
