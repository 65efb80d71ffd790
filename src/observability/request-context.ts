import { AsyncLocalStorage } from "node:async_hooks"
import { randomUUID } from "node:crypto"

export type RequestContext = { requestId: string }

// One store per process even when this file is loaded twice (Medusa loads src/ and jest isolates
// module registries): a second AsyncLocalStorage would never see the first one's context.
const KEY = Symbol.for("snail.observability.requestContext")
const g = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>
export const requestContext: AsyncLocalStorage<RequestContext> = (g[KEY] ??= new AsyncLocalStorage<RequestContext>())

export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId

// An incoming id is echoed into logs and headers: only short, plain tokens are taken as they are.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/

/** The caller's `X-Request-Id` when it is a plain token, otherwise a fresh one. */
export function requestIdFrom(header: unknown): string {
  const value = Array.isArray(header) ? header[0] : header
  return typeof value === "string" && ACCEPTABLE.test(value) ? value : randomUUID()
}
