import { dictionary } from "@zxcvbn-ts/language-common"

/**
 * Password rules for every route that sets one (NIST SP 800-63B §5.1.1.2: a minimum length, a generous
 * maximum, no composition rules, and a check against passwords known from breaches).
 *
 * The list is `passwords-common` of @zxcvbn-ts/language-common: the 49 233 most frequent passwords of
 * public breach corpora, maintained with zxcvbn-ts (MIT, ~2.5 M weekly downloads) and shipped inside
 * the package, so no network call at sign-up. A password is refused when it, or it with trailing digits
 * and symbols stripped ("dragon2024!" → "dragon"), is on the list.
 */
export const PASSWORD_MIN_LENGTH = Number(process.env.PASSWORD_MIN_LENGTH) || 8
export const PASSWORD_MAX_LENGTH = 128

let common: Set<string> | undefined
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary as Record<string, string[]>)["passwords-common"].map((p) => p.toLowerCase()))
  return common
}

/** Why a password is refused, in words for people; null when it is acceptable. */
export function passwordProblem(password: unknown, email?: string): string | null {
  if (typeof password !== "string") return "Enter a password."
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`
  const lower = password.toLowerCase()
  if (new Set(lower).size < 3) return "Use more than one or two different characters."
  const stem = lower.replace(/[\d\W_]+$/u, "")
  if (commonPasswords().has(lower) || (stem.length >= 4 && commonPasswords().has(stem))) {
    return "This password is one of the most common ones and is tried first by attackers. Choose another."
  }
  const mail = (email ?? "").toLowerCase()
  const local = mail.split("@")[0]
  if (mail && (lower === mail || lower === local)) return "Do not use your e-mail address as your password."
  return null
}
