import { model } from "@medusajs/framework/utils"

/**
 * A person's Telegram chat. Created with a one-time start token (only its SHA-256 is stored);
 * the bot's webhook receiving `/start <token>` binds the chat and clears the token.
 */
export const TelegramLink = model
  .define("telegram_link", {
    id: model.id({ prefix: "tgl" }).primaryKey(),
    person_type: model.enum(["customer", "merchant_user", "user"]),
    person_id: model.text(),
    token_hash: model.text().nullable(),
    token_expires_at: model.dateTime().nullable(),
    chat_id: model.text().nullable(),
    linked_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["person_type", "person_id"], unique: true },
    { on: ["token_hash"], unique: true },
  ])
