import { adminUrl, storefrontUrl } from "./locale"

type Recipient = { type: "customer" | "merchant_user" | "user" } | null | undefined

/**
 * Where a message's "notification settings / unsubscribe" link leads, by who reads it: a buyer (or a
 * guest, who has no person) to the storefront account's notification section, merchant staff to the
 * merchant dashboard's settings (each member's own choices), platform admins to their own choices on the
 * admin's Notifications page.
 */
export function notificationSettingsUrl(person: Recipient, env: Record<string, string | undefined> = process.env): string {
  switch (person?.type) {
    case "merchant_user":
      return `${storefrontUrl(env)}/merchant/settings#notifications`
    case "user":
      return `${adminUrl(env)}/notifications#my-notifications`
    default:
      return `${storefrontUrl(env)}/account?tab=notifications`
  }
}
