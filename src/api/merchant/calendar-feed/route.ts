import type { MedusaResponse } from "@medusajs/framework/http"
import { feedUrl, merchantFeed } from "../../booking/feed"
import type { MerchantRequest } from "../context"

/** GET /merchant/calendar-feed — the secret iCalendar URL of the merchant's bookings. */
export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  const feed = await merchantFeed(req.scope, req.merchantContext.merchant.id)
  res.json({ calendar_feed: { url: feedUrl(feed.token), token: feed.token } })
}

/** POST /merchant/calendar-feed — a new secret URL; the old one stops working. */
export const POST = async (req: MerchantRequest, res: MedusaResponse) => {
  const feed = await merchantFeed(req.scope, req.merchantContext.merchant.id, true)
  res.json({ calendar_feed: { url: feedUrl(feed.token), token: feed.token } })
}
