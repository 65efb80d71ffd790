import type { MedusaContainer } from "@medusajs/framework/types"
import { SnailError } from "../../lib/snail-error"
import { NOTIFICATION_CENTER_MODULE } from "../../modules/notification-center"
import type NotificationCenterService from "../../modules/notification-center/service"
import { CHANNELS, isNotificationType, NOTIFICATION_TYPES, type PersonType } from "../../modules/notification-center/types"
import type { SetPreferences } from "./validators"

const AUDIENCE: Record<PersonType, string[]> = { customer: ["buyer", "any"], merchant_user: ["merchant", "any"], user: ["admin", "any"] }

/** Every type this kind of person can get, per channel, with the current choice and whether it can be switched off. */
export async function listPreferences(container: MedusaContainer, person: { type: PersonType; id: string }) {
  const center = container.resolve<NotificationCenterService>(NOTIFICATION_CENTER_MODULE)
  const stored = await center.listNotificationPreferences({ person_type: person.type, person_id: person.id })
  const chat = await center.telegramChatOf(person)
  const types = Object.entries(NOTIFICATION_TYPES).filter(([, t]) => AUDIENCE[person.type].includes(t.audience))
  return {
    telegram_linked: !!chat,
    preferences: types.flatMap(([type, t]) => CHANNELS.map((channel) => {
      const row = stored.find((p: any) => p.notification_type === type && p.channel === channel)
      return { notification_type: type, channel, transactional: t.transactional, enabled: t.transactional ? true : row ? !!row.enabled : true }
    })),
  }
}

/** Stores choices; switching off a transactional type is refused (422), an unknown type is 400. */
export async function setPreferences(container: MedusaContainer, person: { type: PersonType; id: string }, body: SetPreferences) {
  const center = container.resolve<NotificationCenterService>(NOTIFICATION_CENTER_MODULE)
  for (const [i, p] of body.preferences.entries()) {
    if (!isNotificationType(p.notification_type) || !AUDIENCE[person.type].includes(NOTIFICATION_TYPES[p.notification_type].audience)) {
      throw new SnailError(400, "INVALID_FIELD", `Unknown notification type for this account: ${p.notification_type}`, `preferences.${i}.notification_type`)
    }
    if (!p.enabled && NOTIFICATION_TYPES[p.notification_type].transactional) {
      throw new SnailError(422, "NOTIFICATION_REQUIRED", "This notification is transactional (receipts, order facts, security) and cannot be switched off.", `preferences.${i}.enabled`)
    }
  }
  for (const p of body.preferences) {
    const [row] = await center.listNotificationPreferences({ person_type: person.type, person_id: person.id, notification_type: p.notification_type, channel: p.channel })
    if (row) await center.updateNotificationPreferences({ id: row.id, enabled: p.enabled })
    else await center.createNotificationPreferences({ person_type: person.type, person_id: person.id, notification_type: p.notification_type, channel: p.channel, enabled: p.enabled })
  }
  return listPreferences(container, person)
}
