// Development-only secrets. Anyone who reads this repository knows them, so production refuses them.
export const DEV_JWT_SECRET = "snail-dev-jwt-secret"
export const DEV_COOKIE_SECRET = "snail-dev-cookie-secret"
// The sandbox PSP's public development credentials (src/modules/sandbox-payment/psp-server).
export const DEV_SANDBOX_API_KEY = "sk_sandbox_dev"
export const DEV_SANDBOX_WEBHOOK_SECRET = "whsec_sandbox_dev"

const WEAK = new Set(["", "supersecret", DEV_JWT_SECRET, DEV_COOKIE_SECRET])
const MIN_SECRET_BYTES = 32

/** The one setting that makes `COOKIE_SECURE=false` acceptable in production: someone said so on purpose. */
export const INSECURE_COOKIE_ACK = "INSECURE_COOKIES_ACKNOWLEDGED"

/**
 * In production, refuses to start on any setting an attacker could exploit, naming each one and its fix:
 * JWT/cookie secrets missing, known or shorter than 32 bytes; the sandbox PSP with its public development
 * keys (anyone could forge its webhooks); session cookies sent over plain http without an acknowledgement.
 */
export function assertProductionSecrets(env: Record<string, string | undefined>): void {
  if (env.NODE_ENV !== "production") return
  const problems: string[] = []
  const weak = (["JWT_SECRET", "COOKIE_SECRET"] as const).filter((name) => WEAK.has(env[name] ?? "") || Buffer.byteLength(env[name] ?? "") < MIN_SECRET_BYTES)
  if (weak.length) {
    problems.push(
      `${weak.join(" and ")} must be at least ${MIN_SECRET_BYTES} bytes and not a development default ` +
        `(e.g. export ${weak[0]}=$(openssl rand -hex 32))`
    )
  }
  if (sandboxEnabled(env)) {
    const dev = [
      ["SANDBOX_PSP_API_KEY", DEV_SANDBOX_API_KEY],
      ["SANDBOX_PSP_WEBHOOK_SECRET", DEV_SANDBOX_WEBHOOK_SECRET],
    ].filter(([name, devValue]) => !env[name] || env[name] === devValue).map(([name]) => name)
    if (dev.length) {
      problems.push(`${dev.join(" and ")} use the sandbox PSP's public development values: set your own, or SANDBOX_PSP_DISABLED=true`)
    }
  }
  if (env.COOKIE_SECURE === "false" && env[INSECURE_COOKIE_ACK] !== "true") {
    problems.push(
      `COOKIE_SECURE=false sends session cookies over plain http: serve over TLS instead, or set ${INSECURE_COOKIE_ACK}=true to accept that`
    )
  }
  if (problems.length) throw new Error(`Refusing to start in production: ${problems.join("; ")}.`)
}

/** The sandbox PSP is registered unless SANDBOX_PSP_DISABLED=true (production deployments with a real PSP). */
export function sandboxEnabled(env: Record<string, string | undefined>): boolean {
  return env.SANDBOX_PSP_DISABLED !== "true"
}
