// Development-only secrets. Anyone who reads this repository knows them, so production refuses them.
export const DEV_JWT_SECRET = "snail-dev-jwt-secret"
export const DEV_COOKIE_SECRET = "snail-dev-cookie-secret"

const WEAK = new Set(["", "supersecret", DEV_JWT_SECRET, DEV_COOKIE_SECRET])

/** Throws when NODE_ENV=production and the JWT or cookie secret is missing or a known default. */
export function assertProductionSecrets(env: Record<string, string | undefined>): void {
  if (env.NODE_ENV !== "production") return
  const missing = (["JWT_SECRET", "COOKIE_SECRET"] as const).filter((name) => WEAK.has(env[name] ?? ""))
  if (missing.length) {
    throw new Error(
      `Refusing to start in production with missing or development ${missing.join(" and ")}. ` +
        `Set each to a long random value, e.g. export ${missing[0]}=$(openssl rand -hex 32)`
    )
  }
}
