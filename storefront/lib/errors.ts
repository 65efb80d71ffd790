import { ERROR_WORDS, STATUS_WORDS } from "./error-messages"
import type { Locale } from "./i18n"

type ErrorLike = { status?: number; code?: string; statusText?: string; message?: string }

/** The code our API put in the body ({ type, code, message }); the js-sdk's FetchError keeps only message/status. */
function codeOf(err: ErrorLike): string | undefined {
  if (typeof err.code === "string" && /^[A-Z][A-Z0-9_]+$/.test(err.code)) return err.code
  // lib/sdk.ts hands the code on as the FetchError's statusText.
  if (typeof err.statusText === "string" && /^[A-Z][A-Z0-9_]+$/.test(err.statusText)) return err.statusText
  // FetchError.message is the body's message; some of our callers throw Error(code).
  if (typeof err.message === "string" && /^[A-Z][A-Z0-9_]+$/.test(err.message.trim())) return err.message.trim()
  return undefined
}

/**
 * What a person reads for a failed request: never a code, id or server sentence — the words
 * for its code, else for its HTTP status, else a generic line.
 */
export function describeError(locale: Locale, error: unknown): string {
  const err: ErrorLike = typeof error === "object" && error !== null ? (error as ErrorLike) : {}
  const code = codeOf(err)
  if (code && ERROR_WORDS[code]) return ERROR_WORDS[code][locale]
  const status = err.status
  if (status === 400 || status === 401 || status === 403 || status === 404 || status === 409 || status === 422 || status === 429) {
    return STATUS_WORDS[String(status) as "400"][locale]
  }
  if (typeof status === "number" && status >= 500) return STATUS_WORDS["5xx"][locale]
  if (error instanceof TypeError) return STATUS_WORDS.network[locale]
  return STATUS_WORDS.other[locale]
}
