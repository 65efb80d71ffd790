import crypto from "node:crypto"

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000

export function newInviteToken(): { token: string; token_hash: string } {
  const token = crypto.randomBytes(32).toString("base64url")
  return { token, token_hash: hashInviteToken(token) }
}

export function hashInviteToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex")
}
