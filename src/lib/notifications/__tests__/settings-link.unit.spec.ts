import { notificationSettingsUrl } from "../settings-link"

describe("the settings link in a message follows its reader", () => {
  const env = { STOREFRONT_URL: "https://shop.example/", MEDUSA_BACKEND_URL: "https://api.example" }

  it("sends buyers and guests to the account's notification section", () => {
    expect(notificationSettingsUrl({ type: "customer" }, env)).toBe("https://shop.example/account?tab=notifications")
    expect(notificationSettingsUrl(null, env)).toBe("https://shop.example/account?tab=notifications")
  })

  it("sends merchant staff to the dashboard's settings and admins to the admin", () => {
    expect(notificationSettingsUrl({ type: "merchant_user" }, env)).toBe("https://shop.example/merchant/settings#notifications")
    expect(notificationSettingsUrl({ type: "user" }, env)).toBe("https://api.example/app/notifications#my-notifications")
  })

  it("uses the local defaults without settings", () => {
    expect(notificationSettingsUrl({ type: "user" }, {})).toBe("http://localhost:9000/app/notifications#my-notifications")
    expect(notificationSettingsUrl({ type: "merchant_user" }, {})).toBe("http://localhost:8000/merchant/settings#notifications")
  })
})
