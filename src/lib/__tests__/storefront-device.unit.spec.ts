import { deviceOf } from "../../../storefront/lib/account"

// The account pages name a sign-in by its browser and system, read from the session's user agent.
describe("deviceOf names the browser and system of a sign-in", () => {
  it.each([
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36", "Chrome", "Linux"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", "Safari", "iOS"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0", "Edge", "Windows"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:121.0) Gecko/20100101 Firefox/121.0", "Firefox", "macOS"],
    ["Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36", "Chrome", "Android"],
  ])("%s", (ua, browser, os) => {
    expect(deviceOf(ua)).toEqual({ browser, os })
  })

  it("names nothing for an empty or unknown agent", () => {
    expect(deviceOf(null)).toEqual({ browser: null, os: null })
    expect(deviceOf("SomethingElse/1.0")).toEqual({ browser: null, os: null })
    expect(deviceOf("axios/1.7.7")).toEqual({ browser: null, os: null })
  })
})
