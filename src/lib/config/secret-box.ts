import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto"

/**
 * Secrets at rest (fiscal provider passwords and private keys): AES-256-GCM with a 32-byte key from
 * FISCAL_SECRETS_KEY (64 hex chars or base64). The development default is public, so in production
 * every encrypt/decrypt refuses to run without a real key (the server still boots for shops that
 * keep fiscal credentials in the environment only).
 */
export const DEV_SECRETS_KEY = "snail-dev-fiscal-secrets-key"

export function secretsKey(env: Record<string, string | undefined> = process.env): Buffer {
  assertProductionSecretKey(env)
  const raw = env.FISCAL_SECRETS_KEY || DEV_SECRETS_KEY
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, "hex")
  const b64 = Buffer.from(raw, "base64")
  if (b64.length === 32 && /^[A-Za-z0-9+/]+=*$/.test(raw)) return b64
  // Passphrases (the dev default) are stretched; production must give a real random key.
  return createHash("sha256").update(raw).digest()
}

export function assertProductionSecretKey(env: Record<string, string | undefined>): void {
  if (env.NODE_ENV !== "production") return
  const raw = env.FISCAL_SECRETS_KEY ?? ""
  if (!raw || raw === DEV_SECRETS_KEY || !(/^[0-9a-fA-F]{64}$/.test(raw) || Buffer.from(raw, "base64").length === 32)) {
    throw new Error("Refusing to start in production without FISCAL_SECRETS_KEY (32 random bytes, e.g. export FISCAL_SECRETS_KEY=$(openssl rand -hex 32))")
  }
}

export function encryptSecret(plaintext: string, key: Buffer = secretsKey()): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":")
}

export function decryptSecret(blob: string, key: Buffer = secretsKey()): string {
  const [version, iv, tag, data] = blob.split(":")
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Not an encrypted secret")
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"))
  decipher.setAuthTag(Buffer.from(tag, "base64"))
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8")
}
