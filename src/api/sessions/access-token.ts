import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, generateJwtToken } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"
import { sessionSettings } from "../../lib/sessions/tokens"

export type AccessClaims = {
  actor_id: string
  actor_type: string
  auth_identity_id: string
  auth_provider?: string
  sid?: string
  purpose?: string
  [k: string]: unknown
}

function http(req: MedusaRequest) {
  return (req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as any).projectConfig.http
}

/** Verifies a JWT the way Medusa's authenticate middleware does; null when invalid or expired. */
export function verifyAccessToken(req: MedusaRequest, token: string): AccessClaims | null {
  const h = http(req)
  try {
    const options: any = { ...(h.jwtVerifyOptions ?? h.jwtOptions), ignoreExpiration: false, ignoreNotBefore: false }
    if (!options.algorithms && options.algorithm) {
      options.algorithms = [options.algorithm]
      delete options.algorithm
    }
    const claims = jwt.verify(token, h.jwtPublicKey ?? h.jwtSecret, options)
    return typeof claims === "object" ? (claims as unknown as AccessClaims) : null
  } catch {
    return null
  }
}

export function bearerToken(req: MedusaRequest): string | null {
  const m = /^\s*bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")
  return m && m[1].split(".").length === 3 ? m[1] : null
}

/**
 * Medusa's token for the same identity, re-signed with the session id (`sid`) and the short access
 * lifetime. Every claim Medusa put in stays as it was, so its own middlewares read the token unchanged.
 */
export function sessionAccessToken(req: MedusaRequest, medusaToken: string, sid: string): { token: string; expires_in: number } {
  const h = http(req)
  const claims = jwt.decode(medusaToken) as Record<string, unknown> | null
  if (!claims || typeof claims !== "object") throw new Error("Medusa issued an unreadable token")
  const { iat, exp, nbf, jti, ...rest } = claims
  const { accessTtlMs } = sessionSettings()
  const expiresIn = Math.max(1, Math.floor(accessTtlMs / 1000))
  const options = { ...(h.jwtOptions ?? {}) }
  delete (options as any).expiresIn
  return { token: generateJwtToken({ ...rest, sid }, { secret: h.jwtSecret, expiresIn, jwtOptions: options }), expires_in: expiresIn }
}
