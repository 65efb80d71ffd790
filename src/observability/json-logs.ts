import { logger } from "@medusajs/framework/logger"
import { currentRequestId } from "./request-context"

const INSTALLED = Symbol.for("snail.observability.logRequestId")

/**
 * Adds `request_id` to every log entry written while a request (or the workflow or in-process
 * subscriber it started) runs. Medusa's logger is winston, JSON outside development; its format is
 * read at every write, so wrapping it once covers the logger every module and workflow resolves.
 * Work that crosses the Redis event bus runs in another process without the context: there the
 * entries carry no request_id (Medusa passes no per-event metadata we could carry it in).
 */
export function installRequestIdLogging(): void {
  const winston = (logger as unknown as { loggerInstance_?: { format?: { transform: Function; options?: unknown } } }).loggerInstance_
  if (!winston?.format || (winston as any)[INSTALLED]) return
  const inner = winston.format
  winston.format = {
    options: inner.options,
    transform(info: Record<string, unknown>, opts: unknown) {
      const id = currentRequestId()
      if (id && info.request_id === undefined) info.request_id = id
      return inner.transform(info, opts)
    },
  }
  ;(winston as any)[INSTALLED] = true
}
