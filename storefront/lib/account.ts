import { requireSdk } from "./sdk"

// The buyer's account settings (docs/storefront.md "Account"): notification choices and Telegram
// (docs/notifications.md), sign-in sessions and privacy requests (docs/security.md).

export type Preference = { notification_type: string; channel: "email" | "telegram"; transactional: boolean; enabled: boolean }
export type Preferences = { telegram_linked: boolean; preferences: Preference[] }
export type AccountSession = {
  id: string
  current: boolean
  user_agent: string | null
  ip: string | null
  created_at: string
  last_used_at: string | null
  expires_at: string
}
export type PrivacyRequest = { id: string; kind: "EXPORT" | "ERASURE"; status: "REQUESTED" | "COMPLETED"; created_at: string; completed_at: string | null }

const call = <T,>(path: string, init?: { method?: string; body?: unknown }) => requireSdk().client.fetch<T>(path, init as never)

export const accountApi = {
  preferences: () => call<Preferences>("/store/me/notification-preferences"),
  setPreference: (p: { notification_type: string; channel: string; enabled: boolean }) =>
    call<Preferences>("/store/me/notification-preferences", { method: "POST", body: { preferences: [p] } }),
  telegramLink: async () => (await call<{ url: string }>("/store/me/telegram-link", { method: "POST", body: {} })).url,
  sessions: async () => (await call<{ sessions: AccountSession[] }>("/store/customers/me/sessions")).sessions,
  revokeSession: (id: string) => call<{ revoked: boolean }>(`/store/customers/me/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }),
  /** Everything the platform holds about the buyer, as the server's JSON document. */
  exportData: () => call<Record<string, unknown>>("/store/customers/me/privacy/export"),
  erasure: async () => (await call<{ privacy_request: PrivacyRequest | null }>("/store/customers/me/privacy/erasure")).privacy_request,
  askErasure: async () => (await call<{ privacy_request: PrivacyRequest }>("/store/customers/me/privacy/erasure", { method: "POST", body: {} })).privacy_request,
}

/** "Chrome on Android" from a user agent, or null when it names nothing we know. Brand names are not translated. */
export function deviceOf(userAgent: string | null | undefined): { browser: string | null; os: string | null } {
  const ua = userAgent ?? ""
  const browser =
    /Edg(e|A|iOS)?\//.test(ua) ? "Edge"
    : /OPR\/|Opera/.test(ua) ? "Opera"
    : /Firefox\/|FxiOS\//.test(ua) ? "Firefox"
    : /YaBrowser\//.test(ua) ? "Yandex Browser"
    : /Chrome\/|CriOS\/|Chromium\//.test(ua) ? "Chrome"
    : /Safari\//.test(ua) && /Version\//.test(ua) ? "Safari"
    : null
  const os =
    /iPhone|iPad|iPod/.test(ua) ? "iOS"
    : /Android/.test(ua) ? "Android"
    : /Windows/.test(ua) ? "Windows"
    : /Mac OS X|Macintosh/.test(ua) ? "macOS"
    : /CrOS/.test(ua) ? "ChromeOS"
    : /Linux/.test(ua) ? "Linux"
    : null
  return { browser, os }
}

/** Saves a JSON document as a file the browser downloads. */
export function downloadJson(data: unknown, filename: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }))
  const a = document.createElement("a")
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
