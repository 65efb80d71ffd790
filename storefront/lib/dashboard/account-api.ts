// The signed-in member's own account on /merchant/me: Telegram link and sign-in sessions (docs/security.md).
import { merchantRequest } from "../merchant-api"
import type { AccountSession } from "../account"

export const meApi = {
  telegramLink: async (token: string) => (await merchantRequest<{ url: string }>("/merchant/me/telegram-link", { token, body: {} })).url,
  sessions: async (token: string) => (await merchantRequest<{ sessions: AccountSession[] }>("/merchant/me/sessions", { token })).sessions,
  revokeSession: (token: string, id: string) =>
    merchantRequest<{ revoked: boolean }>(`/merchant/me/sessions/${encodeURIComponent(id)}`, { token, method: "DELETE" }),
  signOutOthers: (token: string) =>
    merchantRequest<{ revoked: number }>("/merchant/me/sessions", { token, method: "DELETE", query: { keep_current: "true" } }),
}
