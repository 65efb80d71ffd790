/**
 * Medusa's notification module wraps a provider's error in its own message ("Failed to send
 * notification with id …:\n<ours>"), so what the retry policy needs travels in the message text:
 * `[permanent]` (retrying cannot help) and `[retry_after=<seconds>]` (the provider asked us to wait).
 */
export class ProviderSendError extends Error {
  constructor(message: string, readonly opts: { permanent?: boolean; retryAfterSeconds?: number } = {}) {
    super(
      (opts.permanent ? "[permanent] " : "") +
        (opts.retryAfterSeconds !== undefined ? `[retry_after=${opts.retryAfterSeconds}] ` : "") +
        message
    )
    this.name = "ProviderSendError"
  }
}

export type SendFailure = { message: string; permanent: boolean; retryAfterMs?: number }

/** Reads the policy back out of an error message, however many layers wrapped it. */
export function classifySendError(err: unknown): SendFailure {
  const message = String((err as any)?.message ?? err).slice(0, 2000)
  const retry = /\[retry_after=(\d{1,6})\]/.exec(message)
  return {
    message,
    permanent: message.includes("[permanent]"),
    retryAfterMs: retry ? Number(retry[1]) * 1000 : undefined,
  }
}
