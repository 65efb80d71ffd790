// Settings the browser needs that are only known where the storefront runs, not where it was built.
// The publishable API key is created by the Medusa server's seed — after a Docker image or the test
// suite's production build was made — so it cannot be inlined at build time like NEXT_PUBLIC_*
// values. The root layout writes these settings into every page as JSON (a <script> of type
// application/json, which never executes and so needs no CSP allowance); the browser reads them there.

export const PUBLIC_CONFIG_ELEMENT_ID = "snail-public-config"

export type PublicConfig = { publishableKey: string }

/**
 * On the storefront's server, at request time: MEDUSA_PUBLISHABLE_KEY (runtime), else the
 * build-time NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY (what `next dev` and older set-ups use).
 */
export function serverPublicConfig(): PublicConfig {
  return { publishableKey: process.env.MEDUSA_PUBLISHABLE_KEY || process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY || "" }
}

let inPage: PublicConfig | null = null

/** The settings wherever the code runs: read from the page in the browser, from the environment on the server. */
export function publicConfig(): PublicConfig {
  if (typeof window === "undefined") return serverPublicConfig()
  if (inPage) return inPage
  let parsed: Partial<PublicConfig> = {}
  try {
    parsed = JSON.parse(document.getElementById(PUBLIC_CONFIG_ELEMENT_ID)?.textContent || "{}")
  } catch {
    parsed = {}
  }
  const config = { publishableKey: parsed.publishableKey || process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY || "" }
  if (config.publishableKey) inPage = config
  return config
}

/** The JSON the layout writes into the page; `<` escaped so no value can close the script element. */
export function publicConfigJson(): string {
  return JSON.stringify(serverPublicConfig()).replace(/</g, "\\u003c")
}
