import { SnailError } from "./snail-error"

/** Seconds a client should wait before retrying after PSP_UNAVAILABLE (the `Retry-After` header). */
export const PSP_RETRY_AFTER_SECONDS = 5

/**
 * The payment provider could not be reached, timed out or failed on its side (5xx). Answered as
 * 503 PSP_UNAVAILABLE with `Retry-After`: the caller may retry; the message is for people and
 * names no host, port or URL (those go to the server log only).
 */
export class PspUnavailableError extends SnailError {
  constructor(message = "The payment service is not answering right now. Nothing was completed; please try again in a moment.") {
    super(503, "PSP_UNAVAILABLE", message)
  }
}

/** Also true for a copy of the error handed back by a workflow engine (the shape counts). */
export function isPspUnavailable(err: unknown): boolean {
  return (err as any)?.code === "PSP_UNAVAILABLE"
}
