/*
 * Rate limits (issue 20 §4): a sliding window per client IP and, where the request names one, per
 * account (the email signing in, the cart being completed). Every figure can be changed through the
 * environment, e.g. RATE_LIMIT_LOGIN_IP=60/60 (60 requests per 60 s); RATE_LIMITS_DISABLED=true turns
 * them all off (load benchmarks from one machine). Defaults leave room for a storefront, the admin and
 * the test suites, which all come from one address in development.
 */
export type Window = { limit: number; seconds: number }
export type RuleName = "login" | "register" | "password_reset" | "search" | "cart_complete" | "webhook"
type Rule = { ip: Window; account?: Window }

const DEFAULTS: Record<RuleName, Rule> = {
  login: { ip: { limit: 100, seconds: 60 }, account: { limit: 20, seconds: 60 } },
  register: { ip: { limit: 60, seconds: 600 } },
  password_reset: { ip: { limit: 20, seconds: 600 }, account: { limit: 5, seconds: 900 } },
  search: { ip: { limit: 300, seconds: 60 } },
  cart_complete: { ip: { limit: 600, seconds: 60 }, account: { limit: 30, seconds: 60 } },
  webhook: { ip: { limit: 1200, seconds: 60 } },
}

function parse(value: string | undefined, fallback: Window): Window {
  const m = /^(\d+)\/(\d+)$/.exec(value ?? "")
  return m ? { limit: Number(m[1]), seconds: Number(m[2]) } : fallback
}

/** The windows of a rule as the environment sets them now (read per request, so a test can tighten them). */
export function ruleWindows(name: RuleName, env: Record<string, string | undefined> = process.env): Rule {
  const base = DEFAULTS[name]
  const prefix = `RATE_LIMIT_${name.toUpperCase()}`
  return {
    ip: parse(env[`${prefix}_IP`], base.ip),
    account: base.account ? parse(env[`${prefix}_ACCOUNT`], base.account) : undefined,
  }
}

/** Failed sign-ins: after `after` failures within `windowSeconds`, a lock of base × 2^(extra failures), capped. */
export function lockoutPolicy(env: Record<string, string | undefined> = process.env) {
  return {
    after: Number(env.LOGIN_LOCKOUT_AFTER || 5),
    windowSeconds: Number(env.LOGIN_LOCKOUT_WINDOW_SECONDS || 900),
    baseSeconds: Number(env.LOGIN_LOCKOUT_BASE_SECONDS || 30),
    maxSeconds: Number(env.LOGIN_LOCKOUT_MAX_SECONDS || 900),
  }
}

export function lockSeconds(failures: number, policy: ReturnType<typeof lockoutPolicy>): number {
  if (failures < policy.after) return 0
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** (failures - policy.after))
}

export function rateLimitsDisabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.RATE_LIMITS_DISABLED === "true"
}
