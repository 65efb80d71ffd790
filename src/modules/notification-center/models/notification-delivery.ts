import { model } from "@medusajs/framework/utils"

export const DELIVERY_STATUSES = ["PENDING", "SENT", "RETRYING", "FAILED", "SKIPPED"] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/**
 * One message to one recipient on one channel, for one event. The unique (event_id, recipient,
 * template, channel) index is what makes a send idempotent: a redelivered event's INSERT finds the
 * row and sends nothing (service.claimDelivery). The rendered content is kept so a retry or a
 * Resend sends exactly what was first rendered — except live secrets (password-reset, invite and
 * e-mail verification tokens): `content` holds them as [redacted]; the message as sent is kept
 * encrypted in `sealed_content` only while attempts remain, and a Resend re-issues a new token
 * through `reissue` instead of replaying the old one.
 */
export const NotificationDelivery = model
  .define("notification_delivery", {
    id: model.id({ prefix: "ndel" }).primaryKey(),
    event_name: model.text(),
    event_id: model.text(),
    notification_type: model.text(),
    transactional: model.boolean().default(true),
    channel: model.text(),
    recipient: model.text(),
    person_type: model.text().nullable(),
    person_id: model.text().nullable(),
    template: model.text(),
    locale: model.text(),
    subject: model.text().nullable(),
    /** { html, text, telegram, attachments: [{ filename, content_type, content (base64) }] } */
    content: model.json(),
    /** The unredacted content, sealed (lib/config/data-keys), until the delivery is SENT or FAILED. */
    sealed_content: model.text().nullable(),
    /** How a Resend gets a fresh secret: { kind: "password_reset" | "staff_invite" | "email_verification", … }. */
    reissue: model.json().nullable(),
    status: model.enum([...DELIVERY_STATUSES]).default("PENDING"),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    last_error: model.text().nullable(),
    provider_message_id: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["event_id", "recipient", "template", "channel"], unique: true },
    { on: ["status", "next_attempt_at"] },
    { on: ["notification_type"] },
  ])
