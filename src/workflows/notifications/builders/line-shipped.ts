import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"
import { lineFacts } from "./line-facts"
import { buyerOf } from "./shared"

/** Tracking pages of carriers we know; any other carrier is named with its number only. */
const TRACKING_URLS: Record<string, (n: string) => string> = {
  dhl: (n) => `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${encodeURIComponent(n)}`,
  ups: (n) => `https://www.ups.com/track?tracknum=${encodeURIComponent(n)}`,
  fedex: (n) => `https://www.fedex.com/fedextrack/?trknbr=${encodeURIComponent(n)}`,
  cdek: (n) => `https://www.cdek.ru/ru/tracking?order_id=${encodeURIComponent(n)}`,
  "russian post": (n) => `https://www.pochta.ru/tracking#${encodeURIComponent(n)}`,
  aramex: (n) => `https://www.aramex.com/track/results?ShipmentNumber=${encodeURIComponent(n)}`,
}

export const buildLineShippedStep = createStep("build-line-shipped-notification", async (input: { line_id: string }, { container }) => {
  const batch: Batch = { event_name: "order.line.transitioned", event_id: `line.shipped:${input.line_id}`, messages: [] }
  const f = await lineFacts(container, input.line_id)
  if (!f) return new StepResponse(batch)
  const carrier = String(f.line.carrier ?? "")
  const tracking = String(f.line.tracking_number ?? "")
  batch.messages.push({
    type: "LINE_SHIPPED", template: "line-shipped", recipients: [buyerOf(f.order)],
    data: { display_id: f.order.display_id, title: f.title, carrier, tracking_number: tracking,
      tracking_url: TRACKING_URLS[carrier.trim().toLowerCase()]?.(tracking) ?? null, order_url: f.order_url },
  })
  return new StepResponse(batch)
})

export const notifyLineShippedWorkflow = notificationWorkflow("notify-line-shipped", buildLineShippedStep)
