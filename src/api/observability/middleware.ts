import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { installRequestIdLogging } from "../../observability/json-logs"
import { type FunnelStep, metrics } from "../../observability/metrics"
import { requestContext, requestIdFrom } from "../../observability/request-context"

installRequestIdLogging()

const CART_CREATE = /^\/store\/carts\/?$/
const PAYMENT_SESSION = /^\/store\/payment-collections\/[^/]+\/payment-sessions\/?$/
const CART_COMPLETE = /^\/store\/carts\/[^/]+\/complete\/?$/

/**
 * First middleware of every API prefix: takes the caller's X-Request-Id (or makes one), echoes it,
 * hands it to Medusa's own HTTP log line (`req.requestId`) and runs the rest of the request inside
 * an AsyncLocalStorage context so workflow and subscriber logs carry it; records the latency under
 * the route pattern Express matched, and counts checkout funnel steps.
 */
export function observeRequest(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const requestId = requestIdFrom(req.headers["x-request-id"])
  ;(req as any).requestId = requestId
  res.setHeader("X-Request-Id", requestId)
  const started = process.hrtime.bigint()
  const path = (req.originalUrl ?? req.url ?? "").split("?")[0]
  const step = funnelStepOf(req.method, path)
  let completedAs: string | undefined
  if (step === "complete") {
    // A completion answers 200 with { type: "order" } or { type: "cart", error }: the body tells which.
    const json = res.json.bind(res)
    res.json = ((body: any) => {
      completedAs = body?.type
      return json(body)
    }) as any
  }
  res.on("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    metrics.httpDuration.observe({ method: req.method, route: routeOf(req), status: String(res.statusCode) }, seconds)
    const counted = countedStep(step, res.statusCode, completedAs)
    if (counted) metrics.checkoutFunnel.inc({ step: counted })
  })
  requestContext.run({ requestId }, () => next())
}

function funnelStepOf(method: string, path: string): "cart" | "session" | "complete" | undefined {
  if (method !== "POST") return undefined
  if (CART_CREATE.test(path)) return "cart"
  if (PAYMENT_SESSION.test(path)) return "session"
  if (CART_COMPLETE.test(path)) return "complete"
  return undefined
}

function countedStep(step: ReturnType<typeof funnelStepOf>, status: number, completedAs?: string): FunnelStep | undefined {
  if (step === "complete") return status < 300 && completedAs === "order" ? "completed" : "failed"
  if (status >= 300) return undefined
  if (step === "cart") return "cart_created"
  if (step === "session") return "payment_session"
  return undefined
}

/** The Express pattern that served the request ("/store/carts/:id"); one shared label otherwise. */
function routeOf(req: MedusaRequest): string {
  const route = (req as any).route?.path
  if (typeof route === "string") return `${req.baseUrl ?? ""}${route}` || "/"
  return "unmatched"
}
