import { dataKeyring, isSealed, type Keyring, lookupHash, needsReseal, open, seal } from "../../lib/config/data-keys"

/**
 * The merchant's columns encrypted at rest (issue 20 §8): tax ids, the legal address (issue 22), the
 * contact phone, the payout account. Each is stored sealed (`enc:v1:<key id>:…`, payout_method as `{ "sealed": "enc:v1:…" }` in
 * its jsonb column); the tax ids also get a keyed hash so an operator can still find a merchant by
 * its exact INN / TRN. The marketplace service seals on write and opens on read, so callers —
 * query.graph included — see plain values.
 */
export const SEALED_TEXT_COLUMNS = ["inn", "trn", "legal_address", "contact_phone"] as const
export const SEALED_JSON_COLUMNS = ["payout_method"] as const
const HASHED: Record<string, string> = { inn: "inn_hash", trn: "trn_hash" }
export const HASH_COLUMNS = Object.values(HASHED)

type Row = Record<string, any>

function sealText(value: unknown, ring: Keyring) {
  if (value === null || value === undefined || isSealed(value)) return value
  return seal(String(value), ring)
}

function sealJson(value: unknown, ring: Keyring) {
  if (value === null || value === undefined) return value
  if (typeof value === "object" && isSealed((value as Row).sealed)) return value
  return { sealed: seal(JSON.stringify(value), ring) }
}

/** A create/update payload with the sensitive fields sealed and the lookup hashes set beside them. */
export function sealMerchantFields<T extends Row>(data: T, ring: Keyring = dataKeyring()): T {
  const out: Row = { ...data }
  for (const c of SEALED_TEXT_COLUMNS) {
    if (!(c in out)) continue
    const plain = out[c]
    if (HASHED[c] && !isSealed(plain)) out[HASHED[c]] = plain === null || plain === undefined || plain === "" ? null : lookupHash(String(plain))
    out[c] = sealText(plain, ring)
  }
  for (const c of SEALED_JSON_COLUMNS) if (c in out) out[c] = sealJson(out[c], ring)
  return out as T
}

/** A merchant row as callers see it: sealed fields opened (a wrong or missing key throws DataKeyError), hashes left out. */
export function revealMerchant<T>(row: T, ring?: Keyring): T {
  if (!row || typeof row !== "object") return row
  const out: Row = { ...(row as Row) }
  const r = ring ?? dataKeyring()
  for (const c of SEALED_TEXT_COLUMNS) if (isSealed(out[c])) out[c] = open(out[c], r)
  for (const c of SEALED_JSON_COLUMNS) if (out[c] && isSealed(out[c].sealed)) out[c] = JSON.parse(open(out[c].sealed, r))
  for (const h of HASH_COLUMNS) delete out[h]
  return out as T
}

/**
 * For keys:rotate and the migration: the update that re-seals a stored row under the active key, or
 * null when every sensitive value already is (so a second run changes nothing).
 */
export function resealStoredMerchant(stored: Row, ring: Keyring = dataKeyring()): Row | null {
  const update: Row = {}
  for (const c of SEALED_TEXT_COLUMNS) {
    const v = stored[c]
    if (!needsReseal(v, ring)) continue
    const plain = isSealed(v) ? open(v, ring) : String(v)
    update[c] = seal(plain, ring)
    if (HASHED[c]) update[HASHED[c]] = plain === "" ? null : lookupHash(plain)
  }
  for (const c of SEALED_JSON_COLUMNS) {
    const v = stored[c]
    if (v === null || v === undefined) continue
    const blob = typeof v === "object" && isSealed(v.sealed) ? v.sealed : null
    if (blob && !needsReseal(blob, ring)) continue
    update[c] = { sealed: seal(blob ? open(blob, ring) : JSON.stringify(v), ring) }
  }
  return Object.keys(update).length ? update : null
}
