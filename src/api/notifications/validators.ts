import { z } from "@medusajs/framework/zod"
import { CHANNELS, LOCALES } from "../../modules/notification-center/types"

export const SetPreferences = z.object({
  preferences: z.array(z.object({
    notification_type: z.string().min(1).max(64),
    channel: z.enum(CHANNELS),
    enabled: z.boolean(),
  }).strict()).min(1).max(50),
}).strict()
export type SetPreferences = z.infer<typeof SetPreferences>

export const ListDeliveries = z.object({
  status: z.enum(["PENDING", "SENT", "RETRYING", "FAILED", "SKIPPED"]).optional(),
  channel: z.enum(CHANNELS).optional(),
  notification_type: z.string().max(64).optional(),
  recipient: z.string().max(320).optional(),
  event_id: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}).strict()

export const PreviewQuery = z.object({ locale: z.enum(LOCALES).default("en") }).strict()

/** A Telegram update: only what the /start binding reads; everything else is ignored. */
export const TelegramUpdate = z.object({
  update_id: z.number().optional(),
  message: z.object({
    text: z.string().max(4096).optional(),
    chat: z.object({ id: z.union([z.number(), z.string()]) }).passthrough(),
  }).passthrough().optional(),
}).passthrough()
