import type { Channel, NotificationType, PersonType, Reissue } from "../../modules/notification-center/types"
import type { ReaderLocale } from "../../lib/notifications/locale"

/** One person (or guest address) a message goes to. */
export type Recipient = { email?: string | null; person?: { type: PersonType; id: string } | null; locale: ReaderLocale }

/**
 * One template rendered for each recipient in their language. `secrets`: one-time tokens inside the
 * data, which the log keeps only as [redacted]; `reissue`: how a Resend gets a fresh one.
 */
export type Message = {
  type: NotificationType; template: string; data: Record<string, unknown>; recipients: Recipient[]
  secrets?: string[]; reissue?: Reissue
}

/** What a builder step hands to the queue: the event's stable id makes the sends idempotent. */
export type Batch = { event_name: string; event_id: string; messages: Message[] }

export type { Channel }
