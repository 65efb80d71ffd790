import { model } from "@medusajs/framework/utils"

/**
 * A person's choice for one notification type on one channel. No row means the type's default
 * (on); transactional types ignore a stored "off" (the service refuses to store one).
 */
export const NotificationPreference = model
  .define("notification_preference", {
    id: model.id({ prefix: "npref" }).primaryKey(),
    person_type: model.enum(["customer", "merchant_user", "user"]),
    person_id: model.text(),
    notification_type: model.text(),
    channel: model.enum(["email", "telegram"]),
    enabled: model.boolean(),
  })
  .indexes([{ on: ["person_type", "person_id", "notification_type", "channel"], unique: true }])
