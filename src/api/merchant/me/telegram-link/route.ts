import type { MedusaResponse } from "@medusajs/framework/http"
import type { MerchantRequest } from "../../context"
import { telegramLinkFor } from "../../../notifications/telegram-link"

/** The signed-in staff member's own one-time Telegram deep link: the chat is bound to them, not to the shop. */
export const POST = async (req: MerchantRequest, res: MedusaResponse) => {
  res.status(201).json(await telegramLinkFor(req.scope, { type: "merchant_user", id: req.merchantContext.merchant_user.id }))
}
