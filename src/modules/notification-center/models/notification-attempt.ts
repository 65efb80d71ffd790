import { model } from "@medusajs/framework/utils"

/** Every call to a provider for a delivery, successful or not: the delivery log's detail rows. */
export const NotificationAttempt = model
  .define("notification_attempt", {
    id: model.id({ prefix: "natt" }).primaryKey(),
    delivery_id: model.text(),
    attempt: model.number(),
    status: model.enum(["SENT", "FAILED"]),
    provider_response: model.json().nullable(),
    error: model.text().nullable(),
    /** true when the provider said retrying cannot help (Telegram 403: the bot was blocked). */
    permanent: model.boolean().default(false),
  })
  .indexes([{ on: ["delivery_id", "attempt"], unique: true }])
