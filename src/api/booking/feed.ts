import type { MedusaContainer } from "@medusajs/framework/types"
import { randomBytes } from "node:crypto"
import { bookingService } from "../../workflows/booking/schedules"

const newToken = () => randomBytes(24).toString("base64url")

export const feedUrl = (token: string) => `${(process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/$/, "")}/calendar/${token}.ics`

/** The merchant's feed token, created on first use; `rotate` replaces it (the old URL stops working). */
export async function merchantFeed(scope: MedusaContainer, merchantId: string, rotate = false) {
  const service = bookingService(scope)
  const [feed] = await service.listCalendarFeeds({ merchant_id: merchantId })
  if (feed && !rotate) return feed
  if (feed) return service.updateCalendarFeeds({ id: feed.id, token: newToken() })
  return service.createCalendarFeeds({ merchant_id: merchantId, token: newToken() })
}
