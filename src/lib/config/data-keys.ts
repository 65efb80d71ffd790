import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto"

/**
 * Personal and financial data at rest (merchant tax ids, phone numbers, payout accounts; secrets a
 * notification keeps only until it is sent): AES-256-GCM under a keyring whose key ids travel with
 * every value, so keys rotate without a flag day.
 *
 *   DATA_ENCRYPTION_KEYS="k2:<64 hex>,k1:<64 hex>"   the first key encrypts; every listed key decrypts
 *
 * Rotation: put the new key first, run `npm run keys:rotate` (re-encrypts every value under the first
 * key), then drop the old key. Without the setting, development uses a public key with id `dev`;
 * production refuses to start (assertProductionDataKeys).
 *
 * A sealed value: `enc:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64). The GCM tag makes a wrong key a
 * clear error, never garbage.
 */
export const DEV_DATA_KEY_ID = "dev"
const DEV_DATA_KEY = createHash("sha256").update("snail-dev-data-encryption-key").digest()
/** The public development key as a DATA_ENCRYPTION_KEYS entry (`dev:<hex>`), to rotate a development database onto a real key. */
export const DEV_DATA_KEY_ENTRY = `${DEV_DATA_KEY_ID}:${DEV_DATA_KEY.toString("hex")}`
const PREFIX = "enc:v1:"
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/

export type Keyring = { activeId: string; keys: Map<string, Buffer> }

export class DataKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "DataKeyError"
  }
}

function parseKey(id: string, raw: string): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, "hex")
  const b64 = Buffer.from(raw, "base64")
  if (b64.length === 32 && /^[A-Za-z0-9+/]+=*$/.test(raw)) return b64
  throw new DataKeyError(`DATA_ENCRYPTION_KEYS: key '${id}' must be 32 bytes as 64 hex characters or base64 (e.g. ${id}:$(openssl rand -hex 32))`)
}

/** The keyring from DATA_ENCRYPTION_KEYS (read on each call, so a rotation needs no code reload). */
export function dataKeyring(env: Record<string, string | undefined> = process.env): Keyring {
  const spec = (env.DATA_ENCRYPTION_KEYS ?? "").trim()
  if (!spec) {
    if (env.NODE_ENV === "production") throw new DataKeyError(productionMessage())
    return { activeId: DEV_DATA_KEY_ID, keys: new Map([[DEV_DATA_KEY_ID, DEV_DATA_KEY]]) }
  }
  const keys = new Map<string, Buffer>()
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const at = part.indexOf(":")
    const id = at > 0 ? part.slice(0, at) : ""
    if (!KEY_ID.test(id)) throw new DataKeyError(`DATA_ENCRYPTION_KEYS: each entry is <key id>:<key>, the id of letters, digits, _ or - (got '${part.slice(0, 12)}…')`)
    if (keys.has(id)) throw new DataKeyError(`DATA_ENCRYPTION_KEYS: key id '${id}' is listed twice`)
    keys.set(id, parseKey(id, part.slice(at + 1)))
  }
  if (!keys.size) throw new DataKeyError("DATA_ENCRYPTION_KEYS lists no key")
  return { activeId: keys.keys().next().value as string, keys }
}

function productionMessage() {
  return "DATA_ENCRYPTION_KEYS must be set in production (e.g. export DATA_ENCRYPTION_KEYS=k1:$(openssl rand -hex 32)): merchants' tax ids, phones and payout accounts are encrypted with it"
}

/** Production start-up check beside the other secret refusals: the keyring parses, and the lookup-hash key is set. */
export function assertProductionDataKeys(env: Record<string, string | undefined>): void {
  if (env.NODE_ENV !== "production") return
  dataKeyring(env)
  if (Buffer.byteLength(env.DATA_HASH_KEY ?? "") < 32) {
    throw new DataKeyError("DATA_HASH_KEY must be set in production, 32+ bytes (e.g. export DATA_HASH_KEY=$(openssl rand -hex 32)); changing it later breaks finding merchants by tax id until keys:rotate runs")
  }
}

export function isSealed(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(PREFIX)
}

/** The key id a sealed value was encrypted with (null for a value in clear). */
export function keyIdOf(value: unknown): string | null {
  return isSealed(value) ? value.slice(PREFIX.length).split(":")[0] : null
}

export function seal(plaintext: string, ring: Keyring = dataKeyring()): string {
  const key = ring.keys.get(ring.activeId)!
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  return PREFIX + [ring.activeId, iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":")
}

export function open(value: string, ring: Keyring = dataKeyring()): string {
  if (!isSealed(value)) throw new DataKeyError("Not an encrypted value")
  const [id, iv, tag, data] = value.slice(PREFIX.length).split(":")
  if (!id || !iv || !tag || data === undefined) throw new DataKeyError("Malformed encrypted value")
  const key = ring.keys.get(id)
  if (!key) {
    throw new DataKeyError(`Encrypted with key '${id}', which DATA_ENCRYPTION_KEYS does not list (it has: ${[...ring.keys.keys()].join(", ")}). Put that key back, or restore the data.`)
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"))
    decipher.setAuthTag(Buffer.from(tag, "base64"))
    return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8")
  } catch {
    throw new DataKeyError(`Key '${id}' in DATA_ENCRYPTION_KEYS does not decrypt this value: the key under that id is not the one it was encrypted with.`)
  }
}

/** A value in clear passes through (rows written before encryption, until the migration or keys:rotate reaches them). */
export function openMaybe<T>(value: T, ring?: Keyring): T | string {
  return isSealed(value) ? open(value, ring) : value
}

/** Whether a stored value needs (re-)encryption under the active key: in clear, or under an older key. */
export function needsReseal(value: unknown, ring: Keyring = dataKeyring()): boolean {
  if (value === null || value === undefined) return false
  return keyIdOf(value) !== ring.activeId
}

/**
 * A keyed hash for equality lookups on an encrypted column (the ciphertext is randomised, so it cannot
 * be compared). Keyed by the *first-listed* key's derived hash key would break lookups on rotation, so
 * it is derived from a dedicated setting instead: DATA_HASH_KEY, or the development default.
 */
export function lookupHash(value: string, env: Record<string, string | undefined> = process.env): string {
  const raw = env.DATA_HASH_KEY || (env.NODE_ENV === "production" ? "" : "snail-dev-data-hash-key")
  if (!raw) throw new DataKeyError("DATA_HASH_KEY must be set in production (e.g. export DATA_HASH_KEY=$(openssl rand -hex 32))")
  return createHmac("sha256", raw).update(value.normalize("NFKC").trim().toLowerCase()).digest("hex")
}
